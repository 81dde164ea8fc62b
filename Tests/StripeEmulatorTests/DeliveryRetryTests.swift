import Foundation
import StripeEmulator
import Testing

/// Retries: a delivery without a 2xx is tried again, a bounded number of times, and every
/// attempt is recorded.
@Suite struct DeliveryRetryTests {
    let stripe = TestStripe()

    @Test func fiveHundredTwiceThenOKIsThreeAttempts() async throws {
        let endpoint = stripe.create(url: "https://a.example/flaky", extra: "metadata[reconcile_trigger]=crm/customer.updated")
        let sender = RecordingSender(["https://a.example/flaky": [.status(500), .status(500), .status(200)]])

        let event = try await stripe.dispatcher(sender).trigger("customer.updated", key: TestStripe.key)

        #expect(sender.posts.count == 3)
        let delivery = try #require(event.deliveries.first)
        #expect(delivery.attempts.map(\.status) == [500, 500, 200])
        #expect(delivery.attempts.map(\.attempt) == [1, 2, 3])
        #expect(delivery.succeeded && event.succeeded)
        #expect(delivery.name == "crm/customer.updated")
        // Every attempt is in the log, with the endpoint, url, attempt and status.
        let log = stripe.emulator.deliveryLog()
        #expect(log.map(\.attempt) == [1, 2, 3])
        #expect(log.allSatisfy { $0.endpoint == endpoint.id && $0.url == "https://a.example/flaky" && $0.event == event.id })
        #expect(log.map(\.trigger) == Array(repeating: "crm/customer.updated", count: 3))
    }

    @Test func givesUpAfterTheLastAttempt() async throws {
        stripe.create(url: "https://a.example/down")
        stripe.create(url: "https://a.example/up")
        let sender = RecordingSender(["https://a.example/down": Array(repeating: .status(503), count: 10)])

        let event = try await stripe.dispatcher(sender, attempts: 3).trigger("customer.updated", key: TestStripe.key)

        let down = try #require(event.deliveries.first { $0.url.hasSuffix("down") })
        #expect(down.attempts.map(\.status) == [503, 503, 503])
        #expect(!down.succeeded)
        #expect(event.deliveries.first { $0.url.hasSuffix("up") }?.attempts.count == 1)
        #expect(!event.succeeded)
        // Without metadata, the endpoint is named by its id.
        #expect(down.name == down.endpoint)
    }

    @Test func anUnreachableURLIsReportedWithItsError() async throws {
        stripe.create(url: "http://127.0.0.1:9/nothing")
        let sender = RecordingSender(["http://127.0.0.1:9/nothing": Array(repeating: .unreachable, count: 4)])

        let event = try await stripe.dispatcher(sender).trigger("customer.updated", key: TestStripe.key)

        let delivery = try #require(event.deliveries.first)
        #expect(delivery.attempts.count == 4)
        #expect(delivery.status == nil)
        #expect(delivery.error == "connection refused")
        #expect(stripe.emulator.deliveryLog().allSatisfy { $0.error == "connection refused" && $0.status == nil })
    }

    @Test func backoffDoublesUpToItsCap() {
        let policy = DeliveryPolicy(maxAttempts: 6, timeout: .seconds(5), baseDelay: .milliseconds(250), maxDelay: .seconds(1))
        #expect((1...6).map(policy.delay(beforeAttempt:)) == [.zero, .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(1), .seconds(1)])
        #expect(DeliveryPolicy.local.worstCase == .seconds(20) + .milliseconds(1750))
        #expect(DeliveryPolicy(maxAttempts: 0).maxAttempts == 1)
    }
}
