/// The request pipeline, in Stripe's order: key, headers, route, permission, rate limit,
/// parameters, faults, idempotency, then the operation.
extension Emulator {
    /// Answers one request. Thread-safe; each request runs alone under the state lock.
    public func handle(_ request: EmulatorRequest) -> EmulatorOutcome {
        handleLogged(request).outcome
    }

    /// Answers one request and returns its log entry too (nil for `/_emulator/` admin requests),
    /// so a server can log the line without racing other requests for the log's tail.
    public func handleLogged(_ request: EmulatorRequest) -> (outcome: EmulatorOutcome, entry: RequestLogEntry?) {
        if request.path == "/_emulator" || request.path.hasPrefix("/_emulator/") {
            return (.respond(handleAdmin(request), delay: .zero), nil)
        }
        let now = clock.now()
        return state.withLock { state in
            state.sequence += 1
            let requestId = state.ids.identifier("req_", count: 14)
            let isPost = request.method == "POST"
            // The log keeps at most 100,000 entries; each is cut short, so none is large.
            var entry = RequestLogEntry(
                seq: state.sequence, account: nil, method: String(request.method.prefix(16)), path: String(request.path.prefix(2048)),
                status: .status(0), isWrite: isPost || request.method == "DELETE",
                idempotencyKey: isPost ? request.header("idempotency-key").map { String($0.prefix(256)) } : nil,
                replayed: false, requestId: requestId)
            let delay = state.latency()
            let step = execute(request, requestId: requestId, now: now, answeredAt: now + delay.seconds,
                               state: &state, entry: &entry)
            let outcome: EmulatorOutcome
            switch step {
            case .drop:
                entry.status = .dropped
                entry.requestId = nil
                outcome = .dropConnection(delay: delay)
            case .reply(let status, let body, let extra, let lost):
                entry.status = lost ? .lost : .status(status)
                var headers = ["Request-Id": requestId, "Content-Type": "application/json"]
                if let version = request.header("stripe-version") { headers["Stripe-Version"] = version }
                if let key = entry.idempotencyKey { headers["Idempotency-Key"] = key }
                headers.merge(extra) { _, new in new }
                outcome = lost ? .responseLost(delay: delay) : .respond(EmulatorResponse(status: status, headers: headers, body: body), delay: delay)
            }
            state.record(entry, limit: configuration.requestLogLimit)
            return (outcome, entry)
        }
    }

    /// The `Idempotency-Key` of a POST, whole (the log keeps it cut short).
    private func idempotencyKey(of request: EmulatorRequest) -> String? {
        request.method == "POST" ? request.header("idempotency-key") : nil
    }

    private enum Step {
        case reply(status: Int, body: [UInt8], headers: [String: String], lost: Bool)
        case drop
    }

    private func execute(_ request: EmulatorRequest, requestId: String, now: Double, answeredAt: Double,
                         state: inout EmulatorState, entry: inout RequestLogEntry) -> Step {
        var logURL: String?
        func fail(_ error: StripeError) -> Step {
            .reply(status: error.status, body: error.body(requestLogURL: logURL).serialized(), headers: error.headers, lost: false)
        }
        let key: APIKey
        switch APIKey.credential(from: request.header("authorization")) {
        case .missing: return fail(.noKey)
        case .malformed(let raw): return fail(.invalidKey(APIKey.redact(raw)))
        case .key(let raw):
            guard let parsed = APIKey(raw) else { return fail(raw.hasPrefix("pk_") ? .publishableKey : .invalidKey(APIKey.redact(raw))) }
            key = parsed
        }
        entry.account = key.fingerprint
        logURL = "https://dashboard.stripe.com/\(key.livemode ? "" : "test/")logs/\(requestId)?t=\(Int(now))"
        if let version = request.header("stripe-version"), !configuration.catalog.apiVersions.contains(version) {
            return fail(.invalidVersion(version))
        }
        if request.header("stripe-account") != nil { return fail(.connectedAccountRefused) }
        guard let route = Route(method: request.method, path: request.path) else {
            return fail(.unrecognizedURL(method: request.method, path: request.path))
        }
        guard route.isWrite ? key.canWrite : key.canRead else { return fail(.permission(key, write: route.isWrite)) }
        if let limit = configuration.rateLimit {
            // Every key seen gets a bucket, reads included: past the bound they start over.
            if state.buckets.count >= EmulatorLimits.maxRateBuckets, state.buckets[key.fingerprint] == nil { state.buckets = [:] }
            var bucket = state.buckets[key.fingerprint] ?? TokenBucket(tokens: key.livemode ? limit.live : limit.test, updated: now)
            let allowed = bucket.take(rate: key.livemode ? limit.live : limit.test, now: now)
            state.buckets[key.fingerprint] = bucket
            if !allowed { return fail(.rateLimited) }
        }
        let parameters: FormDecoder.Parameters
        do {
            let body = String(decoding: request.body, as: UTF8.self)
            parameters = try FormDecoder.decode(request.method == "POST" ? [request.query, body] : [request.query])
        } catch {
            return fail(error)
        }
        var fault: EmulatorFaults.Fault?
        if state.faults.applies(to: request.method) {
            fault = state.faults.fault(forRoll: state.faultRandom.unit())
        }
        switch fault {
        case .rateLimit: return fail(.rateLimited)
        case .unavailable: return fail(.unavailable)
        case .drop: return .drop
        case .serverError, .lost, nil: break
        }
        var account = state.account(for: key)
        if route.isWrite, state.accounts[key.fingerprint] == nil, state.accounts.count >= EmulatorLimits.maxAccounts {
            return fail(.invalid(nil, "This emulator holds \(EmulatorLimits.maxAccounts) accounts, its limit; reset it (POST /_emulator/reset) or use a key it knows."))
        }
        let idempotencyKey = self.idempotencyKey(of: request)
        if let idempotencyKey {
            guard idempotencyKey.count <= 255 else { return fail(.idempotencyKeyTooLong(idempotencyKey.count)) }
            if let record = account.idempotency[idempotencyKey], now - record.created < configuration.idempotencyTTL {
                // The first request is still "in flight" (its latency has not elapsed): Stripe answers 409.
                if let answered = record.answeredAt, now < answered { return fail(.idempotencyKeyInUse(idempotencyKey)) }
                guard record.method == request.method, record.path == request.path else {
                    return fail(.idempotencyEndpoint(idempotencyKey, first: "\(record.method) \(record.path)", now: "\(request.method) \(request.path)"))
                }
                guard record.parameters == parameters.canonical else { return fail(.idempotencyParameters(idempotencyKey)) }
                entry.replayed = true
                return .reply(status: record.status, body: Array(record.body.utf8),
                              headers: ["Idempotent-Replayed": "true", "Original-Request": record.requestId], lost: fault == .lost)
            }
        }
        var status = 200
        var body: [UInt8]
        var headers: [String: String] = [:]
        if fault == .serverError {
            let error = StripeError.serverError
            (status, body, headers) = (error.status, error.body(requestLogURL: logURL).serialized(), error.headers)
            // Only a 500 saved under an idempotency key would be replayed as is: a
            // request with nothing saved is worth retrying.
            if idempotencyKey == nil { headers["Stripe-Should-Retry"] = "true" }
        } else {
            var context = AccountState.Context(catalog: configuration.catalog, maxEndpoints: configuration.maxEndpoints,
                                               now: Int(now), random: state.ids)
            do {
                body = try route.perform(on: &account, parameters, &context).serialized()
            } catch {
                (status, body, headers) = (error.status, error.body(requestLogURL: logURL).serialized(), error.headers)
            }
            state.ids = context.random
        }
        // Stripe saves a result once the request started executing: successes, 404s and
        // 500s are replayed; validation errors are not, so a corrected retry can succeed.
        let executed = status == 200 || status == 404 || fault == .serverError
        if let idempotencyKey, executed {
            account.expireIdempotency(now: now, ttl: configuration.idempotencyTTL)
            account.idempotency[idempotencyKey] = IdempotencyRecord(
                method: request.method, path: request.path, parameters: parameters.canonical, status: status,
                body: String(decoding: body, as: UTF8.self), requestId: entry.requestId ?? "", created: now,
                answeredAt: answeredAt)
        }
        if (route.isWrite && status == 200) || (idempotencyKey != nil && executed) {
            state.accounts[key.fingerprint] = account
            state.changes += 1
        }
        return .reply(status: status, body: body, headers: headers, lost: fault == .lost)
    }
}
