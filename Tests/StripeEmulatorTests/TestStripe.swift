import Foundation
import StripeEmulator
import Testing

/// An in-process emulator with a stopped clock and fixed seeds, and helpers to call it.
struct TestStripe {
    static let key = "sk_test_emulatorTests1234"
    let clock = ManualEmulatorClock()
    let emulator: Emulator

    init(maxEndpoints: Int = 16, rateLimit: RateLimit? = nil, faults: EmulatorFaults = .none, faultSeed: UInt64 = 7,
         snapshot: EmulatorSnapshot? = nil) {
        emulator = Emulator(
            configuration: EmulatorConfiguration(maxEndpoints: maxEndpoints, rateLimit: rateLimit, faults: faults,
                                                 faultSeed: faultSeed, idSeed: 42),
            clock: clock, snapshot: snapshot)
    }

    /// Sends a request and returns the outcome.
    func outcome(_ method: String, _ target: String, _ body: String = "", key: String? = TestStripe.key,
                 headers: [String: String] = [:]) -> EmulatorOutcome {
        var headers = headers
        if let key { headers["Authorization"] = "Bearer \(key)" }
        return emulator.handle(EmulatorRequest(method: method, target: target, headers: headers, body: body))
    }

    /// Sends a request that must be answered.
    func send(_ method: String, _ target: String, _ body: String = "", key: String? = TestStripe.key,
              headers: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation) -> Reply {
        let outcome = outcome(method, target, body, key: key, headers: headers)
        guard let response = outcome.response else {
            Issue.record("expected a response, got \(outcome)", sourceLocation: sourceLocation)
            return Reply(EmulatorResponse(status: 0))
        }
        return Reply(response)
    }

    /// Creates an endpoint and returns its JSON.
    @discardableResult
    func create(url: String = "https://example.com/hook", events: [String] = ["customer.updated"], extra: String = "",
                key: String = TestStripe.key, sourceLocation: SourceLocation = #_sourceLocation) -> Reply {
        var body = "url=\(url)" + events.enumerated().map { "&enabled_events[\($0.offset)]=\($0.element)" }.joined()
        if !extra.isEmpty { body += "&" + extra }
        let reply = send("POST", "/v1/webhook_endpoints", body, key: key, sourceLocation: sourceLocation)
        #expect(reply.status == 200, "\(reply.text)", sourceLocation: sourceLocation)
        return reply
    }
}

/// A response with its JSON body parsed.
struct Reply {
    let response: EmulatorResponse

    init(_ response: EmulatorResponse) {
        self.response = response
    }

    var status: Int { response.status }
    var text: String { response.bodyText }
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
    }

    subscript(key: String) -> Any? { json[key] }
    var id: String { json["id"] as? String ?? "" }
    var error: [String: Any] { json["error"] as? [String: Any] ?? [:] }
    var data: [[String: Any]] { json["data"] as? [[String: Any]] ?? [] }
    var ids: [String] { data.compactMap { $0["id"] as? String } }

    /// Checks a Stripe error: status, type, code and param.
    func expectError(_ status: Int, type: String = "invalid_request_error", code: String? = nil, param: String? = nil,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(self.status == status, "\(text)", sourceLocation: sourceLocation)
        #expect(error["type"] as? String == type, "\(text)", sourceLocation: sourceLocation)
        #expect(error["code"] as? String == code, "\(text)", sourceLocation: sourceLocation)
        #expect(error["param"] as? String == param, "\(text)", sourceLocation: sourceLocation)
        #expect(!(error["message"] as? String ?? "").isEmpty, sourceLocation: sourceLocation)
        #expect(response.headers["Request-Id"]?.hasPrefix("req_") == true, sourceLocation: sourceLocation)
    }
}
