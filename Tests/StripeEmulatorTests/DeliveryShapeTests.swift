import Foundation
@testable import StripeEmulator
import Testing

/// What each endpoint receives: Stripe's event object, headers and signature.
@Suite struct DeliveryShapeTests {
    let stripe = TestStripe()

    @Test func bodyIsStripesEventObject() async throws {
        let pinned = stripe.create(url: "https://a.example/pinned", extra: "api_version=2024-06-20")
        stripe.clock.advance(by: 1)
        stripe.create(url: "https://a.example/default", events: ["*"])
        let sender = RecordingSender()

        let event = try await stripe.dispatcher(sender).trigger("customer.updated", key: TestStripe.key)

        #expect(sender.posts.count == 2)
        let byURL = Dictionary(uniqueKeysWithValues: sender.posts.map { ($0.url, $0) })
        let body = try #require(byURL["https://a.example/pinned"])
        let text = String(decoding: body.body, as: UTF8.self)
        #expect(text.hasPrefix(#"{"id":"\#(event.id)","object":"event","api_version":"2024-06-20","created":\#(Int(stripe.clock.now())),"data":{"object":{"id":"cus_"#))
        #expect(text.hasSuffix(#","livemode":false,"pending_webhooks":2,"request":{"id":null,"idempotency_key":null},"type":"customer.updated"}"#))
        #expect(event.id.hasPrefix("evt_") && event.id.count == 28)
        // One event: the same id everywhere; each endpoint gets its own api_version.
        let other = try #require(byURL["https://a.example/default"]).json
        #expect(other["id"] as? String == event.id)
        #expect(other["api_version"] as? String == StripeCatalog.bundled.apiVersions.max())
        #expect(body.object["object"] as? String == "customer")
        #expect(event.deliveries.first { $0.url.hasSuffix("pinned") }?.endpoint == pinned.id)
    }

    @Test func headersAreStripesAndTheSignatureUsesTheEndpointsSecret() async throws {
        let created = stripe.create(url: "https://a.example/hook")
        let secret = try #require(created["secret"] as? String)
        let sender = RecordingSender()

        _ = try await stripe.dispatcher(sender).trigger("customer.updated", key: TestStripe.key)

        let post = try #require(sender.posts.first)
        #expect(post.headers["Content-Type"] == "application/json; charset=utf-8")
        let now = Int(stripe.clock.now())
        #expect(post.headers["Stripe-Signature"] == WebhookSignature.header(secret: secret, timestamp: now, payload: post.body))
        #expect(post.headers["Stripe-Signature"]?.hasPrefix("t=\(now),v1=") == true)
    }

    @Test func signatureMatchesAnIndependentHMAC() {
        // Computed with Python's hmac module: hmac.new(b"whsec_test_secret", b'1764420000.{"id":"evt_1"}', sha256).
        let header = WebhookSignature.header(secret: "whsec_test_secret", timestamp: 1_764_420_000, payload: Array(#"{"id":"evt_1"}"#.utf8))
        #expect(header == "t=1764420000,v1=be8f52bd1b5eab2967673ac5715f1dbe5e737a1e751c6100ef2381786ccb4a97")
    }

    @Test func livemodeFollowsTheKey() async throws {
        let live = "sk_live_emulatorTests1234"
        stripe.create(url: "https://a.example/live", events: ["*"], key: live)
        let sender = RecordingSender()
        _ = try await stripe.dispatcher(sender).trigger("checkout.session.completed", key: live)
        let post = try #require(sender.posts.first)
        #expect(post.json["livemode"] as? Bool == true)
        #expect(post.object["livemode"] as? Bool == true)
        #expect((post.object["id"] as? String)?.hasPrefix("cs_live_") == true)
    }
}
