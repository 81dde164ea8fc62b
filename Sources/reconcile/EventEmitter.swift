import Foundation
import StripeAPI
import StripeEmulator

/// Where `reconcile trigger` has its event emitted: the embedded emulator or a running one.
protocol EventEmitter: Sendable {
    /// Names the emulator in messages.
    var name: String { get }
    /// Emits one event of `type` for the account of `key` and returns its deliveries.
    func emit(_ type: String, key: String, data: [UInt8]?, policy: DeliveryPolicy) async throws -> TriggeredEvent
}

/// The embedded emulator, loaded from `--emulator-state`: it delivers from this process.
struct EmbeddedEmitter: EventEmitter {
    let dispatcher: WebhookDispatcher
    let name: String

    init(statePath: String) throws {
        let emulator: Emulator
        do { emulator = Emulator(snapshot: try StateFile(path: statePath).load()) } catch {
            Terminal.error("\(error)")
            throw Exit.failed
        }
        dispatcher = WebhookDispatcher(emulator: emulator)
        name = "the embedded emulator's state \(statePath)"
    }

    func emit(_ type: String, key: String, data: [UInt8]?, policy: DeliveryPolicy) async throws -> TriggeredEvent {
        do {
            return try await dispatcher.trigger(type, key: key, data: data, policy: policy)
        } catch {
            Terminal.error("\(error)")
            throw Exit.failed
        }
    }
}

/// A running `reconcile emulator`, asked through its admin API (`POST /_emulator/events`).
struct RemoteEmitter: EventEmitter {
    let base: URL
    let transport: HTTPClientTransport
    var name: String { "the emulator at \(base.absoluteString)" }

    init(base: URL) {
        self.base = base
        transport = HTTPClientTransport(maxConnectionsPerHost: 1, readTimeout: .seconds(600))
    }

    func emit(_ type: String, key: String, data: [UInt8]?, policy: DeliveryPolicy) async throws -> TriggeredEvent {
        var body = #"{"type":"# + Self.quoted(type)
        body += #","attempts":\#(policy.maxAttempts),"timeoutMs":\#(Self.milliseconds(policy.timeout))"#
        if let data { body += #","data":"# + String(decoding: data, as: UTF8.self) }
        body += "}"
        let request = HTTPRequest(
            method: "POST", url: base.appendingPathComponent("_emulator/events"),
            headers: ["Authorization": "Bearer \(key)", "Content-Type": "application/json"], body: Data(body.utf8))
        let response: HTTPResponse
        do {
            // The emulator answers once every delivery ended: the worst case, and some slack.
            response = try await transport.send(request, timeout: policy.worstCase + .seconds(10))
        } catch {
            Terminal.error("\(name) did not answer (\(error)); is `reconcile emulator` running there?")
            throw Exit.failed
        }
        guard response.status == 200, let event = try? JSONDecoder().decode(TriggeredEvent.self, from: response.body) else {
            let message = (try? JSONDecoder().decode(AdminError.self, from: response.body))?.error.message
            Terminal.error("\(name) refused the event (HTTP \(response.status)): \(message ?? "is it a `reconcile emulator`? it has no /_emulator/events")")
            throw Exit.failed
        }
        return event
    }

    private static func quoted(_ text: String) -> String {
        String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }

    /// Stripe's error shape, as the emulator's admin API answers.
    private struct AdminError: Decodable {
        struct Body: Decodable { let message: String }
        let error: Body
    }
}
