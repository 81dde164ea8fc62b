import Foundation

extension StripeClient {
    /// Sends `request` with retries and decodes the 2xx body as `T`.
    func value<T: JSONDecodable>(of request: StripeRequest, as type: T.Type) async throws -> T {
        try await response(to: request, decoding: type).value
    }

    /// Sends `request` with retries and decodes the 2xx body as `T`, keeping what the
    /// headers said.
    func response<T: JSONDecodable>(to request: StripeRequest, decoding type: T.Type) async throws -> StripeResponse<T> {
        let (response, attempts) = try await exchange(request)
        do {
            return StripeResponse(
                value: try T(jsonData: response.body),
                requestId: response.header("request-id").map(redactor.redact),
                idempotentReplayed: response.header("idempotent-replayed")?.lowercased() == "true",
                attempts: attempts)
        } catch {
            throw stripeError(
                kind: .unexpectedResponse, for: request, response: response, attempts: attempts,
                message: "the response is not the expected JSON: \(redactor.redact(String(describing: error))) (\(bodySummary(response)))")
        }
    }

    /// Sends `request` until it succeeds, fails for good, or the retry bounds are reached.
    ///
    /// - Returns: the 2xx response and the number of attempts made.
    /// - Throws: ``StripeError``, or `CancellationError` once the task is cancelled.
    func exchange(_ request: StripeRequest) async throws -> (HTTPResponse, attempts: Int) {
        var httpRequest = try httpRequest(for: request)
        let start = clock.now()
        var attempt = 0
        var keyGeneration = 1
        while true {
            attempt += 1
            try Task.checkCancellation()
            try await rateLimiter?.acquire()
            let attemptStart = clock.now()
            let outcome: AttemptOutcome
            var response: HTTPResponse?
            do {
                let received = try await transport.send(httpRequest, timeout: retryPolicy.requestTimeout)
                response = received
                outcome = .response(status: received.status, headers: received.headers)
            } catch let error as TransportError {
                if error.isCancellation || Task.isCancelled { throw CancellationError() }
                outcome = .transportError(error)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                throw stripeError(
                    kind: .network, for: request, response: nil, attempts: attempt,
                    message: redactor.redact(String(describing: error)))
            }
            let succeeded = response.map { (200..<300).contains($0.status) } ?? false
            let decision: RetryDecision = succeeded ? .stop : retryPolicy.decide(
                outcome, method: request.method, hasIdempotencyKey: request.idempotencyKey != nil,
                failedAttempt: attempt, elapsed: clock.now() - start, random: random())
            // A 429 despite the limiter: this account's real allowance is lower than assumed.
            let slowedTo = response?.status == 429 ? await rateLimiter?.slowDown() : nil
            record(request, attempt: attempt, outcome: outcome, decision: decision, duration: clock.now() - attemptStart,
                   requestId: response?.header("request-id").map(redactor.redact), slowedTo: slowedTo)
            if succeeded, let response { return (response, attempt) }
            guard case .retry(let delay) = decision else {
                throw failure(outcome, response: response, request: request, attempts: attempt)
            }
            if let key = request.idempotencyKey, retryPolicy.needsNewIdempotencyKey(
                outcome, method: request.method, hasIdempotencyKey: true) {
                keyGeneration += 1
                httpRequest.headers["Idempotency-Key"] = Self.rotatedIdempotencyKey(key, generation: keyGeneration)
            }
            try await clock.sleep(for: delay)
        }
    }

    /// The `generation`-th key of `key`'s sequence: `key` itself, then `key~2`, `key~3`...,
    /// cut to Stripe's 255 characters.
    public static func rotatedIdempotencyKey(_ key: String, generation: Int) -> String {
        guard generation > 1 else { return key }
        let suffix = "~\(generation)"
        return String(key.prefix(255 - suffix.count)) + suffix
    }

    private func httpRequest(for request: StripeRequest) throws -> HTTPRequest {
        var text = apiBase.absoluteString
        if text.hasSuffix("/") { text.removeLast() }
        text += request.path
        if !request.query.isEmpty { text += "?" + request.query.encoded }
        guard let url = URL(string: text) else {
            throw stripeError(
                kind: .invalidRequest, for: request, response: nil, attempts: 0,
                message: "cannot form a URL from the API base \(apiBase.absoluteString)")
        }
        return HTTPRequest(
            method: request.method, url: url, headers: headers(for: request),
            body: request.form.map { Data($0.encoded.utf8) })
    }

    private func record(
        _ request: StripeRequest, attempt: Int, outcome: AttemptOutcome, decision: RetryDecision, duration: Duration,
        requestId: String?, slowedTo: Double?
    ) {
        var event = StripeRequestEvent(
            method: request.method, path: request.path, attempt: attempt, replayed: false, duration: duration,
            requestId: requestId, slowedToRate: slowedTo)
        if case .retry(let delay) = decision { event.retryAfter = delay }
        switch outcome {
        case .response(let status, let headers):
            event.status = status
            event.replayed = headers["idempotent-replayed"]?.lowercased() == "true"
        case .transportError(let error):
            event.transportError = error
        }
        recorder.update { metrics in
            metrics.requests += 1
            if attempt > 1 { metrics.retries += 1 }
            if event.status == 429 { metrics.rateLimited += 1 }
            if let status = event.status, status >= 500 { metrics.serverErrors += 1 }
            if event.transportError != nil { metrics.networkErrors += 1 }
            if event.replayed { metrics.idempotentReplays += 1 }
        }
        onRequest?(event)
    }

    /// The error to throw for the last failed attempt.
    private func failure(
        _ outcome: AttemptOutcome, response: HTTPResponse?, request: StripeRequest, attempts: Int
    ) -> StripeError {
        guard let response else {
            guard case .transportError(let error) = outcome else { preconditionFailure("no response, no error") }
            let host = apiBase.host ?? apiBase.absoluteString
            return stripeError(
                kind: .network, for: request, response: nil, attempts: attempts,
                message: "\(error.description) talking to \(host)")
        }
        guard let detail = StripeErrorBody.parse(response.body) else {
            // A proxy's HTML 502 or a truncated 429 is still that status, and still
            // transient; a 401 or 403 still means the key.
            let statusKind = StripeErrorKind(status: response.status, type: nil)
            let trusted: [StripeErrorKind] = [.server, .rateLimited, .authentication, .permission]
            let message = response.body.isEmpty
                ? "HTTP \(response.status) without a body"
                : "the response is not Stripe's JSON error (\(bodySummary(response)))"
            return stripeError(
                kind: trusted.contains(statusKind) ? statusKind : .unexpectedResponse, for: request,
                response: response, attempts: attempts, message: message)
        }
        var error = stripeError(
            kind: StripeErrorKind(status: response.status, type: detail.type), for: request, response: response,
            attempts: attempts, message: redactor.redact(detail.message ?? "Stripe gave no message"))
        error.type = detail.type.map(redactor.redact)
        error.code = detail.code.map(redactor.redact)
        error.param = detail.param.map(redactor.redact)
        error.declineCode = detail.declineCode.map(redactor.redact)
        return error
    }

    func stripeError(
        kind: StripeErrorKind, for request: StripeRequest, response: HTTPResponse?, attempts: Int, message: String
    ) -> StripeError {
        StripeError(
            kind: kind, operation: redactor.redact(request.operation), status: response?.status, message: message,
            requestId: response?.header("request-id").map(redactor.redact), attempts: attempts,
            keySource: keySource, isWrite: request.isWrite)
    }

    /// A short, redacted, one-line description of a body that could not be read.
    private func bodySummary(_ response: HTTPResponse) -> String {
        let contentType = response.header("content-type") ?? "no content type"
        var summary = "HTTP \(response.status), \(contentType), \(response.body.count) bytes"
        guard !response.body.isEmpty else { return summary + ", empty" }
        // Redact before cutting, so a secret cut in half is still caught whole.
        let text = redactor.redact(String(decoding: response.body.prefix(4096), as: UTF8.self))
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        summary += ": " + oneLine.prefix(160)
        if oneLine.count > 160 || response.body.count > 4096 { summary += "..." }
        return summary
    }
}
