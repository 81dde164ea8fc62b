import Foundation
import StripeEmulator
import Testing

/// Which endpoints an event goes to: enabled ones subscribed to its type or to `*`.
@Suite struct DeliveryRoutingTests {
    let stripe = TestStripe()

    @Test func onlySubscribedAndEnabledEndpointsReceive() async throws {
        let listening = stripe.create(url: "https://a.example/customer", events: ["customer.updated", "customer.created"])
        stripe.create(url: "https://a.example/charge", events: ["charge.succeeded"])
        let disabled = stripe.create(url: "https://a.example/disabled", events: ["customer.updated"])
        #expect(stripe.send("POST", "/v1/webhook_endpoints/\(disabled.id)", "disabled=true").status == 200)
        stripe.create(url: "https://a.example/other-account", events: ["customer.updated"], key: "sk_test_someoneElse123")
        let sender = RecordingSender()

        let event = try await stripe.dispatcher(sender).trigger("customer.updated", key: TestStripe.key)

        #expect(sender.urls == ["https://a.example/customer"])
        #expect(event.deliveries.map(\.endpoint) == [listening.id])
        #expect(event.deliveries.map(\.status) == [200])
        #expect(event.succeeded)
    }

    @Test func starEndpointsReceiveEverything() async throws {
        stripe.create(url: "https://a.example/all", events: ["*"])
        let disabled = stripe.create(url: "https://a.example/all-disabled", events: ["*"])
        _ = stripe.send("POST", "/v1/webhook_endpoints/\(disabled.id)", "disabled=true")
        let sender = RecordingSender()
        let dispatcher = stripe.dispatcher(sender)

        for type in ["customer.updated", "charge.succeeded", "invoice.paid", "billing.meter.created"] {
            let event = try await dispatcher.trigger(type, key: TestStripe.key)
            #expect(event.deliveries.count == 1, "\(type)")
        }
        #expect(sender.urls == Array(repeating: "https://a.example/all", count: 4))
        #expect(sender.posts.compactMap { $0.json["type"] as? String } == ["customer.updated", "charge.succeeded", "invoice.paid", "billing.meter.created"])
    }

    @Test func nobodyListeningIsAnEmptyEventNotASuccess() async throws {
        stripe.create(events: ["charge.succeeded"])
        let event = try await stripe.dispatcher(RecordingSender()).trigger("customer.updated", key: TestStripe.key)
        #expect(event.deliveries.isEmpty)
        #expect(!event.succeeded)
        // An account the emulator has never seen has no endpoints either.
        let unknown = try await stripe.dispatcher(RecordingSender()).trigger("customer.updated", key: "sk_test_neverSeen1234")
        #expect(unknown.deliveries.isEmpty)
    }

    @Test func badRequestsAreRefused() async {
        let dispatcher = stripe.dispatcher(RecordingSender())
        await #expect(throws: EventError.unknownType("customer.updatd")) {
            try await dispatcher.trigger("customer.updatd", key: TestStripe.key)
        }
        await #expect(throws: EventError.unknownType("*")) { try await dispatcher.trigger("*", key: TestStripe.key) }
        await #expect(throws: EventError.invalidKey) { try await dispatcher.trigger("customer.updated", key: "pk_test_123456") }
        await #expect(throws: EventError.self) {
            try await dispatcher.trigger("customer.updated", key: TestStripe.key, data: Array("{not json".utf8))
        }
        await #expect(throws: EventError.self) {
            try await dispatcher.trigger("customer.updated", key: TestStripe.key, data: Array("[1]".utf8))
        }
    }
}
