import Foundation
@testable import StripeEmulator
import Testing

/// `data.object`: a plausible object of the event's resource, and the user's fields over it.
@Suite struct SampleObjectTests {
    let stripe = TestStripe()

    /// The resources MESA-style triggers use: (event type, id prefix, object name, a field handlers read).
    static let covered: [(String, String, String, String)] = [
        ("customer.updated", "cus_", "customer", "email"),
        ("customer.subscription.created", "sub_", "subscription", "customer"),
        ("invoice.payment_failed", "in_", "invoice", "amount_due"),
        ("charge.succeeded", "ch_", "charge", "amount"),
        ("payment_intent.succeeded", "pi_", "payment_intent", "amount_received"),
        ("checkout.session.completed", "cs_test_", "checkout.session", "payment_status"),
        ("product.created", "prod_", "product", "name"),
        ("price.updated", "price_", "price", "unit_amount"),
        ("payout.paid", "po_", "payout", "arrival_date"),
        ("refund.created", "re_", "refund", "charge"),
        ("charge.refund.updated", "re_", "refund", "amount"),
    ]

    @Test(arguments: covered)
    func coveredResourcesHaveTheirShape(_ sample: (String, String, String, String)) throws {
        let (type, prefix, object, field) = sample
        #expect(StripeCatalog.bundled.eventTypes.contains(type))
        var random = SeededRandom(seed: 1)
        let value = SampleObjects.object(forEventType: type, created: 1_764_420_000, livemode: false, random: &random)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(value.serialized())) as? [String: Any])
        #expect((json["id"] as? String)?.hasPrefix(prefix) == true, "\(type)")
        #expect(json["object"] as? String == object)
        #expect(json["created"] as? Int == 1_764_420_000)
        #expect(json["livemode"] as? Bool == false)
        #expect(json[field] != nil, "\(type) lacks \(field)")
        #expect(String(decoding: value.serialized(), as: UTF8.self).hasPrefix(#"{"id":""#))
    }

    @Test func eventsOverrideWhatHappened() {
        var random = SeededRandom(seed: 1)
        let failed = SampleObjects.object(forEventType: "invoice.payment_failed", created: 0, livemode: false, random: &random)
        #expect(failed["status"] == .string("open") && failed["paid"] == .bool(false))
        let paid = SampleObjects.object(forEventType: "invoice.paid", created: 0, livemode: false, random: &random)
        #expect(paid["status"] == .string("paid"))
        // Ids of related objects are drawn, not placeholders.
        guard case .string(let customer)? = paid["customer"] else { Issue.record("no customer"); return }
        #expect(customer.hasPrefix("cus_") && customer.count == 18)
    }

    @Test func otherResourcesGetIdAndObject() {
        var random = SeededRandom(seed: 1)
        let value = SampleObjects.object(forEventType: "billing.meter.created", created: 0, livemode: false, random: &random)
        guard case .object(let members) = value else { Issue.record("not an object"); return }
        #expect(members.map(\.0) == ["id", "object"])
        #expect(value["object"] == .string("billing.meter"))
    }

    @Test func dataIsMergedOverTheSample() async throws {
        stripe.create(url: "https://a.example/hook")
        let sender = RecordingSender()
        let data = #"{"email": "ada@example.com", "metadata": {"crm_id": "42"}, "address": {"city": "Paris"}, "balance": 1.5}"#
        _ = try await stripe.dispatcher(sender).trigger("customer.updated", key: TestStripe.key, data: Array(data.utf8))
        let object = try #require(sender.posts.first).object
        #expect(object["email"] as? String == "ada@example.com")
        #expect(object["metadata"] as? [String: String] == ["crm_id": "42"])
        #expect((object["address"] as? [String: String])?["city"] == "Paris")
        #expect(object["balance"] as? Double == 1.5)
        #expect((object["id"] as? String)?.hasPrefix("cus_") == true)
        #expect(object["name"] as? String == "Jenny Rosen")
    }

    @Test func mergeIsDeepForObjectsOnly() {
        let base: JSONValue = .object([("a", .object([("x", .int(1)), ("y", .int(2))])), ("b", .array([.int(1)]))])
        let over: JSONValue = .object([("a", .object([("y", .int(3))])), ("b", .array([])), ("c", .null)])
        #expect(base.merging(over) == .object([("a", .object([("x", .int(1)), ("y", .int(3))])), ("b", .array([])), ("c", .null)]))
    }
}
