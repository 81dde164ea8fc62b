import Foundation

/// `POST /_emulator/events`: emits an event through the admin API and answers once every
/// delivery has ended.
///
/// The body is JSON, `{"type": "customer.updated", "data": {...}, "attempts": 4, "timeoutMs": 5000}`
/// (all but `type` optional; `data` is merged over the sample object, `attempts` and
/// `timeoutMs` replace the dispatcher's policy for this event); the account is the one of
/// `Authorization: Bearer KEY`. The answer is a ``TriggeredEvent``.
extension WebhookDispatcher {
    /// Whether `request` is the one this handles (the rest of `/_emulator/` is synchronous).
    public static func handles(_ request: EmulatorRequest) -> Bool {
        request.method == "POST" && request.path == "/_emulator/events"
    }

    /// Answers `POST /_emulator/events`; returns the event too when one was emitted.
    public func handleAdmin(_ request: EmulatorRequest) async -> (response: EmulatorResponse, event: TriggeredEvent?) {
        do {
            let event = try await emit(request)
            return (Emulator.json(200, encodable: event), event)
        } catch {
            return (error.response, nil)
        }
    }

    private func emit(_ request: EmulatorRequest) async throws(AdminFailure) -> TriggeredEvent {
        guard case .key(let key) = APIKey.credential(from: request.header("authorization")) else {
            throw AdminFailure(401, "Pass the account's key as Authorization: Bearer KEY.")
        }
        let body: JSONValue
        do { body = try JSONValue.parse(request.body) } catch {
            throw AdminFailure(400, "The body must be a JSON object: {\"type\": \"customer.updated\", \"data\": {...}}.")
        }
        guard case .string(let type)? = body["type"] else {
            throw AdminFailure(400, "The body needs `type`, the event type, e.g. {\"type\": \"customer.updated\"}.")
        }
        var policy = self.policy
        if case .int(let attempts)? = body["attempts"] { policy.maxAttempts = max(1, attempts) }
        if case .int(let milliseconds)? = body["timeoutMs"], milliseconds > 0 { policy.timeout = .milliseconds(milliseconds) }
        do {
            return try await trigger(type, key: key, data: body["data"].map { $0.serialized() }, policy: policy)
        } catch {
            throw AdminFailure(error == .invalidKey ? 401 : 400, "\(error).")
        }
    }
}

/// An admin request refused, with the status and message to answer.
private struct AdminFailure: Error {
    let response: EmulatorResponse

    init(_ status: Int, _ message: String) {
        response = Emulator.adminError(status, message)
    }
}
