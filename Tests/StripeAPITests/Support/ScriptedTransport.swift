import Foundation
import StripeAPI

/// A transport that answers from a script, in order, and records what it was sent.
/// Unit tests only: the client's real boundary is tested against the emulator.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    enum Step {
        case respond(HTTPResponse)
        case fail(TransportError)
    }

    private let lock = NSLock()
    private var steps: [Step]
    private var sent: [HTTPRequest] = []

    init(_ steps: [Step]) {
        self.steps = steps
    }

    /// The requests sent so far.
    var requests: [HTTPRequest] {
        lock.withLock { sent }
    }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let step: Step = lock.withLock {
            sent.append(request)
            return steps.isEmpty ? .fail(.connectionFailed("script exhausted")) : steps.removeFirst()
        }
        switch step {
        case .respond(let response): return response
        case .fail(let error): throw error
        }
    }
}

extension ScriptedTransport.Step {
    /// A JSON response with Stripe's usual headers.
    static func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> Self {
        var all = ["Content-Type": "application/json", "Request-Id": "req_test123"]
        all.merge(headers) { _, new in new }
        return .respond(HTTPResponse(status: status, headers: all, body: Data(body.utf8)))
    }

    /// Stripe's error envelope.
    static func stripeError(
        _ status: Int, type: String = "invalid_request_error", code: String? = nil, message: String = "boom",
        param: String? = nil, headers: [String: String] = [:]
    ) -> Self {
        var error: [String: String] = ["type": type, "message": message]
        error["code"] = code
        error["param"] = param
        let data = try! JSONSerialization.data(withJSONObject: ["error": error], options: [.sortedKeys])
        return json(status, String(decoding: data, as: UTF8.self), headers: headers)
    }
}
