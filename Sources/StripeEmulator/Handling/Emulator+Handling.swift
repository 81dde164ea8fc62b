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

    /// How a stage of the pipeline ends a request early: with one of Stripe's errors, or
    /// with a step of its own (a dropped connection, a replayed answer).
    private enum Halt: Error {
        case error(StripeError)
        case step(Step)
    }

    /// One request through the pipeline, each stage named as Stripe takes them; the first
    /// to halt answers.
    private func execute(_ request: EmulatorRequest, requestId: String, now: Double, answeredAt: Double,
                         state: inout EmulatorState, entry: inout RequestLogEntry) -> Step {
        var logURL: String?
        do throws(Halt) {
            let key = try authenticate(request)
            entry.account = key.fingerprint
            logURL = "https://dashboard.stripe.com/\(key.livemode ? "" : "test/")logs/\(requestId)?t=\(Int(now))"
            try checkHeaders(request)
            let route = try authorize(request, key: key)
            try takeRateToken(key: key, now: now, state: &state)
            let parameters = try decodeParameters(request)
            let fault = try rollFault(request, state: &state)
            var account = try account(for: key, route: route, state: &state)
            let idempotencyKey = self.idempotencyKey(of: request)
            if let idempotencyKey {
                try replay(request, key: idempotencyKey, parameters: parameters, account: account, now: now, fault: fault, entry: &entry)
            }
            let (status, body, headers) = perform(route, parameters, fault: fault, idempotencyKey: idempotencyKey, account: &account,
                                                  now: now, logURL: logURL, state: &state)
            commit(request, route: route, key: key, idempotencyKey: idempotencyKey, parameters: parameters, fault: fault,
                   answer: (status, body), account: account, now: now, answeredAt: answeredAt, requestId: entry.requestId ?? "", state: &state)
            return .reply(status: status, body: body, headers: headers, lost: fault == .lost)
        } catch {
            switch error {
            case .error(let error):
                return .reply(status: error.status, body: error.body(requestLogURL: logURL).serialized(), headers: error.headers, lost: false)
            case .step(let step):
                return step
            }
        }
    }

    /// The key from `Authorization`, or 401 as Stripe words it.
    private func authenticate(_ request: EmulatorRequest) throws(Halt) -> APIKey {
        switch APIKey.credential(from: request.header("authorization")) {
        case .missing: throw .error(.noKey)
        case .malformed(let raw): throw .error(.invalidKey(APIKey.redact(raw)))
        case .key(let raw):
            guard let parsed = APIKey(raw) else { throw .error(raw.hasPrefix("pk_") ? .publishableKey : .invalidKey(APIKey.redact(raw))) }
            return parsed
        }
    }

    /// `Stripe-Version` must be a known version; `Stripe-Account` is refused.
    private func checkHeaders(_ request: EmulatorRequest) throws(Halt) {
        if let version = request.header("stripe-version"), !configuration.catalog.apiVersions.contains(version) {
            throw .error(.invalidVersion(version))
        }
        if request.header("stripe-account") != nil { throw .error(.connectedAccountRefused) }
    }

    /// The route, if the key may take it (a restricted key may be read-only).
    private func authorize(_ request: EmulatorRequest, key: APIKey) throws(Halt) -> Route {
        guard let route = Route(method: request.method, path: request.path) else {
            throw .error(.unrecognizedURL(method: request.method, path: request.path))
        }
        guard route.isWrite ? key.canWrite : key.canRead else { throw .error(.permission(key, write: route.isWrite)) }
        return route
    }

    /// One token of the key's bucket, or 429.
    private func takeRateToken(key: APIKey, now: Double, state: inout EmulatorState) throws(Halt) {
        guard let limit = configuration.rateLimit else { return }
        // Every key seen gets a bucket, reads included: past the bound they start over.
        if state.buckets.count >= EmulatorLimits.maxRateBuckets, state.buckets[key.fingerprint] == nil { state.buckets = [:] }
        var bucket = state.buckets[key.fingerprint] ?? TokenBucket(tokens: key.livemode ? limit.live : limit.test, updated: now)
        let allowed = bucket.take(rate: key.livemode ? limit.live : limit.test, now: now)
        state.buckets[key.fingerprint] = bucket
        if !allowed { throw .error(.rateLimited) }
    }

    /// The query, and a POST's form body.
    private func decodeParameters(_ request: EmulatorRequest) throws(Halt) -> FormDecoder.Parameters {
        do {
            let body = String(decoding: request.body, as: UTF8.self)
            return try FormDecoder.decode(request.method == "POST" ? [request.query, body] : [request.query])
        } catch {
            throw .error(error)
        }
    }

    /// The injected fault for this request, if any; those that answer at once halt here.
    private func rollFault(_ request: EmulatorRequest, state: inout EmulatorState) throws(Halt) -> EmulatorFaults.Fault? {
        guard state.faults.applies(to: request.method) else { return nil }
        let fault = state.faults.fault(forRoll: state.faultRandom.unit())
        switch fault {
        case .rateLimit: throw .error(.rateLimited)
        case .unavailable: throw .error(.unavailable)
        case .drop: throw .step(.drop)
        case .serverError, .lost, nil: return fault
        }
    }

    /// The key's account; a write may not open one past the emulator's bound.
    private func account(for key: APIKey, route: Route, state: inout EmulatorState) throws(Halt) -> AccountState {
        if route.isWrite, state.accounts[key.fingerprint] == nil, state.accounts.count >= EmulatorLimits.maxAccounts {
            throw .error(.invalid(nil, "This emulator holds \(EmulatorLimits.maxAccounts) accounts, its limit; reset it (POST /_emulator/reset) or use a key it knows."))
        }
        return state.account(for: key)
    }

    /// A request whose `Idempotency-Key` was seen: the saved answer (halts), 409 while the
    /// first is in flight, 400 when the key was used for another request; nothing when new.
    private func replay(_ request: EmulatorRequest, key idempotencyKey: String, parameters: FormDecoder.Parameters, account: AccountState,
                        now: Double, fault: EmulatorFaults.Fault?, entry: inout RequestLogEntry) throws(Halt) {
        guard idempotencyKey.count <= 255 else { throw .error(.idempotencyKeyTooLong(idempotencyKey.count)) }
        guard let record = account.idempotency[idempotencyKey], now - record.created < configuration.idempotencyTTL else { return }
        // The first request is still "in flight" (its latency has not elapsed): Stripe answers 409.
        if let answered = record.answeredAt, now < answered { throw .error(.idempotencyKeyInUse(idempotencyKey)) }
        guard record.method == request.method, record.path == request.path else {
            throw .error(.idempotencyEndpoint(idempotencyKey, first: "\(record.method) \(record.path)", now: "\(request.method) \(request.path)"))
        }
        guard record.parameters == parameters.canonical else { throw .error(.idempotencyParameters(idempotencyKey)) }
        entry.replayed = true
        throw .step(.reply(status: record.status, body: Array(record.body.utf8),
                           headers: ["Idempotent-Replayed": "true", "Original-Request": record.requestId], lost: fault == .lost))
    }

    /// The operation on the account, or the injected 500 instead of it.
    private func perform(_ route: Route, _ parameters: FormDecoder.Parameters, fault: EmulatorFaults.Fault?, idempotencyKey: String?,
                         account: inout AccountState,
                         now: Double, logURL: String?, state: inout EmulatorState) -> (status: Int, body: [UInt8], headers: [String: String]) {
        if fault == .serverError {
            let error = StripeError.serverError
            var headers = error.headers
            // Only a 500 saved under an idempotency key would be replayed as is: a
            // request with nothing saved is worth retrying.
            if idempotencyKey == nil { headers["Stripe-Should-Retry"] = "true" }
            return (error.status, error.body(requestLogURL: logURL).serialized(), headers)
        }
        var context = AccountState.Context(catalog: configuration.catalog, maxEndpoints: configuration.maxEndpoints,
                                           now: Int(now), random: state.ids)
        defer { state.ids = context.random }
        do {
            return (200, try route.perform(on: &account, parameters, &context).serialized(), [:])
        } catch {
            return (error.status, error.body(requestLogURL: logURL).serialized(), error.headers)
        }
    }

    /// Saves the answer under the idempotency key once the request executed (successes,
    /// 404s and 500s are replayed; validation errors are not, so a corrected retry can
    /// succeed) and keeps the account when it changed.
    private func commit(_ request: EmulatorRequest, route: Route, key: APIKey, idempotencyKey: String?, parameters: FormDecoder.Parameters,
                        fault: EmulatorFaults.Fault?, answer: (status: Int, body: [UInt8]), account: AccountState,
                        now: Double, answeredAt: Double, requestId: String, state: inout EmulatorState) {
        var account = account
        let executed = answer.status == 200 || answer.status == 404 || fault == .serverError
        if let idempotencyKey, executed {
            account.expireIdempotency(now: now, ttl: configuration.idempotencyTTL)
            account.idempotency[idempotencyKey] = IdempotencyRecord(
                method: request.method, path: request.path, parameters: parameters.canonical, status: answer.status,
                body: String(decoding: answer.body, as: UTF8.self), requestId: requestId, created: now,
                answeredAt: answeredAt)
        }
        if (route.isWrite && answer.status == 200) || (idempotencyKey != nil && executed) {
            state.accounts[key.fingerprint] = account
            state.changes += 1
        }
    }
}
