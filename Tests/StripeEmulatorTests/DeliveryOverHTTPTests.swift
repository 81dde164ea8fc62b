import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOPosix
import StripeEmulator
import Synchronization
import Testing

/// Deliveries over real sockets: a receiver on loopback, the emulator's own HTTP sender.
@Suite struct DeliveryOverHTTPTests {
    /// A receiver on a free loopback port that answers each POST with the next status of
    /// `statuses` (200 after them), after `delay`, and keeps what it received.
    private func withReceiver(statuses: [Int] = [], delay: Duration = .zero,
                              _ body: @escaping @Sendable (Int, Received) async throws -> Void) async throws {
        let received = Received(statuses)
        let router = Router()
        router.post("/hook") { request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            let status = received.take(headers: request.headers, body: String(buffer: bytes))
            if delay > .zero { try await Task.sleep(for: delay) }
            return Response(status: .init(code: status))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body(try #require(client.port), received)
        }
    }

    private func dispatcher(_ stripe: TestStripe, attempts: Int = 4, timeout: Duration = .seconds(5)) -> WebhookDispatcher {
        WebhookDispatcher(emulator: stripe.emulator, sender: HTTPWebhookSender(),
                          policy: DeliveryPolicy(maxAttempts: attempts, timeout: timeout, baseDelay: .milliseconds(10)))
    }

    @Test func aReceiverAnswering500TwiceThen200SeesThreeAttempts() async throws {
        try await withReceiver(statuses: [500, 500]) { port, received in
            let stripe = TestStripe()
            let created = stripe.create(url: "http://127.0.0.1:\(port)/hook")

            let event = try await dispatcher(stripe).trigger("customer.updated", key: TestStripe.key)

            #expect(received.count == 3)
            #expect(event.deliveries.first?.attempts.map(\.status) == [500, 500, 200])
            #expect(event.succeeded)
            let (headers, body) = try #require(received.last)
            #expect(headers[.contentType] == "application/json; charset=utf-8")
            let secret = try #require(created["secret"] as? String)
            let signature = try #require(headers[HTTPField.Name("Stripe-Signature")!])
            #expect(signature.hasPrefix("t=\(Int(stripe.clock.now())),v1="))
            #expect(!signature.contains(secret))
            #expect(body.contains(#""type":"customer.updated""#))
        }
    }

    @Test func anUnreachableURLIsReportedNotHungOn() async throws {
        // Bind a port, then close it: nothing listens there.
        let closed = try await closedPort()
        let stripe = TestStripe()
        stripe.create(url: "http://127.0.0.1:\(closed)/hook")
        let started = ContinuousClock.now

        let event = try await dispatcher(stripe, attempts: 2, timeout: .seconds(30)).trigger("customer.updated", key: TestStripe.key)

        // A refused connect fails the attempt at once, not at the 30 s deadline (the bound
        // is loose, for a loaded machine; the error says what happened).
        #expect(ContinuousClock.now - started < .seconds(15))
        let delivery = try #require(event.deliveries.first)
        #expect(delivery.attempts.count == 2)
        #expect(delivery.status == nil)
        #expect(delivery.error == "connection refused", "\(delivery.error ?? "")")
        #expect(!event.succeeded)
    }

    @Test func aSlowReceiverTimesOut() async throws {
        try await withReceiver(delay: .seconds(3)) { port, _ in
            let stripe = TestStripe()
            stripe.create(url: "http://127.0.0.1:\(port)/hook")
            let event = try await dispatcher(stripe, attempts: 1, timeout: .milliseconds(300)).trigger("customer.updated", key: TestStripe.key)

            // The receiver answers 200 after 3 s; the attempt gave up at its deadline instead.
            #expect(event.deliveries.first?.error == "timed out after 0.3 seconds", "\(event.deliveries.first?.error ?? "")")
        }
    }

    @Test func theServedEmulatorDeliversThroughItsAdminAPI() async throws {
        try await withReceiver { port, received in
            let lines = LineCollector()
            let emulator = Emulator(configuration: EmulatorConfiguration(rateLimit: nil, idSeed: 3))
            let app = EmulatorServer(emulator: emulator, port: 0, log: { lines.append($0) }).makeApplication()
            try await app.test(.live) { client in
                let auth: HTTPFields = [.authorization: "Bearer \(TestStripe.key)", .contentType: "application/x-www-form-urlencoded"]
                let url = "http%3A%2F%2F127.0.0.1%3A\(port)%2Fhook"
                let created = try await client.execute(uri: "/v1/webhook_endpoints", method: .post, headers: auth,
                                                       body: ByteBuffer(string: "url=\(url)&enabled_events[0]=*"))
                #expect(created.status == .ok)
                let emitted = try await client.execute(uri: "/_emulator/events", method: .post, headers: auth,
                                                       body: ByteBuffer(string: #"{"type": "invoice.paid"}"#))
                #expect(emitted.status == .ok)
                let event = try JSONDecoder().decode(TriggeredEvent.self, from: Data(emitted.body.readableBytesView))
                #expect(event.succeeded)
                #expect(received.count == 1)
                let deliveries = try await client.execute(uri: "/_emulator/deliveries", method: .get)
                #expect(String(buffer: deliveries.body).contains(#""status":200"#))
            }
            #expect(lines.lines.contains { $0.hasPrefix("deliver invoice.paid evt_") && $0.contains(" 200 attempt 1 ") })
        }
    }

    /// A loopback port that was free a moment ago and is closed now.
    private func closedPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(channel.localAddress?.port)
        try await channel.close()
        return port
    }
}

/// What a test receiver got, and the statuses it still has to answer.
final class Received: Sendable {
    private let state: Mutex<(statuses: [Int], posts: [(HTTPFields, String)])>

    init(_ statuses: [Int]) {
        state = Mutex((statuses, []))
    }

    var count: Int { state.withLock { $0.posts.count } }
    var last: (HTTPFields, String)? { state.withLock { $0.posts.last } }

    func take(headers: HTTPFields, body: String) -> Int {
        state.withLock { state in
            state.posts.append((headers, body))
            return state.statuses.isEmpty ? 200 : state.statuses.removeFirst()
        }
    }
}
