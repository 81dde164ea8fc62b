import Foundation

/// Plausible `data.object`s for events: per resource, its id prefix, `object` name and the
/// fields a handler usually reads; a few events override fields to match what happened
/// (a failed payment is not `succeeded`). Resources not listed get `{id, object}`.
///
/// A string value `"cus_*"` is an id of another object: `*` becomes 14 random characters.
/// `{mode}` in a prefix becomes `test` or `live`; the value `"{created}"` becomes the time.
enum SampleObjects {
    struct Shape {
        let prefix: String
        let object: String
        let fields: [(String, JSONValue)]
    }

    /// Keyed by resource: the event type without its last segment.
    static let shapes: [String: Shape] = [
        "customer": Shape(prefix: "cus_", object: "customer", fields: [
            ("address", .null), ("balance", .int(0)), ("currency", "usd"), ("default_source", .null),
            ("delinquent", .bool(false)), ("description", .null), ("email", "jenny.rosen@example.com"),
            ("invoice_prefix", "7D2F6C1A"), ("metadata", .object([])), ("name", "Jenny Rosen"), ("phone", .null),
        ]),
        "customer.subscription": Shape(prefix: "sub_", object: "subscription", fields: [
            ("cancel_at_period_end", .bool(false)), ("canceled_at", .null), ("currency", "usd"), ("customer", "cus_*"),
            ("items", .object([("object", "list"), ("data", .array([])), ("has_more", .bool(false))])),
            ("latest_invoice", "in_*"), ("metadata", .object([])), ("status", "active"),
        ]),
        "invoice": Shape(prefix: "in_", object: "invoice", fields: [
            ("amount_due", .int(2000)), ("amount_paid", .int(2000)), ("amount_remaining", .int(0)), ("attempt_count", .int(1)),
            ("billing_reason", "subscription_cycle"), ("currency", "usd"), ("customer", "cus_*"),
            ("customer_email", "jenny.rosen@example.com"), ("hosted_invoice_url", .null), ("metadata", .object([])),
            ("number", "7D2F6C1A-0001"), ("paid", .bool(true)), ("status", "paid"), ("subscription", "sub_*"),
        ]),
        "charge": Shape(prefix: "ch_", object: "charge", fields: [
            ("amount", .int(2000)), ("amount_captured", .int(2000)), ("amount_refunded", .int(0)), ("captured", .bool(true)),
            ("currency", "usd"), ("customer", "cus_*"), ("description", .null), ("failure_code", .null),
            ("metadata", .object([])), ("paid", .bool(true)), ("payment_intent", "pi_*"), ("receipt_email", .null),
            ("refunded", .bool(false)), ("status", "succeeded"),
        ]),
        "payment_intent": Shape(prefix: "pi_", object: "payment_intent", fields: [
            ("amount", .int(2000)), ("amount_received", .int(2000)), ("currency", "usd"), ("customer", "cus_*"),
            ("description", .null), ("last_payment_error", .null), ("latest_charge", "ch_*"), ("metadata", .object([])),
            ("payment_method", "pm_*"), ("status", "succeeded"),
        ]),
        "checkout.session": Shape(prefix: "cs_{mode}_", object: "checkout.session", fields: [
            ("amount_subtotal", .int(2000)), ("amount_total", .int(2000)), ("client_reference_id", .null), ("currency", "usd"),
            ("customer", "cus_*"), ("customer_email", "jenny.rosen@example.com"), ("metadata", .object([])),
            ("mode", "payment"), ("payment_intent", "pi_*"), ("payment_status", "paid"), ("status", "complete"),
            ("subscription", .null), ("success_url", "https://example.com/success"),
        ]),
        "product": Shape(prefix: "prod_", object: "product", fields: [
            ("active", .bool(true)), ("default_price", "price_*"), ("description", .null), ("metadata", .object([])),
            ("name", "Gold Plan"),
        ]),
        "price": Shape(prefix: "price_", object: "price", fields: [
            ("active", .bool(true)), ("currency", "usd"), ("metadata", .object([])), ("nickname", .null), ("product", "prod_*"),
            ("recurring", .object([("interval", "month"), ("interval_count", .int(1))])), ("type", "recurring"),
            ("unit_amount", .int(2000)),
        ]),
        "payout": Shape(prefix: "po_", object: "payout", fields: [
            ("amount", .int(2000)), ("arrival_date", "{created}"), ("currency", "usd"), ("description", "STRIPE PAYOUT"), ("destination", "ba_*"),
            ("failure_code", .null), ("metadata", .object([])), ("method", "standard"), ("status", "paid"),
            ("type", "bank_account"),
        ]),
        "refund": Shape(prefix: "re_", object: "refund", fields: [
            ("amount", .int(1000)), ("charge", "ch_*"), ("currency", "usd"), ("metadata", .object([])),
            ("payment_intent", "pi_*"), ("reason", .null), ("status", "succeeded"),
        ]),
    ]

    /// `charge.refund.updated` carries a refund, as `refund.updated` does.
    static let aliases = ["charge.refund": "refund"]

    /// Fields that differ from the shape for one event type.
    static let overrides: [String: [(String, JSONValue)]] = [
        "customer.subscription.deleted": [("status", "canceled")],
        "customer.subscription.paused": [("status", "paused")],
        "invoice.payment_failed": [("amount_paid", .int(0)), ("amount_remaining", .int(2000)), ("paid", .bool(false)), ("status", "open")],
        "invoice.created": [("amount_paid", .int(0)), ("amount_remaining", .int(2000)), ("paid", .bool(false)), ("status", "draft")],
        "invoice.finalized": [("amount_paid", .int(0)), ("amount_remaining", .int(2000)), ("paid", .bool(false)), ("status", "open")],
        "invoice.voided": [("amount_paid", .int(0)), ("paid", .bool(false)), ("status", "void")],
        "charge.failed": [("amount_captured", .int(0)), ("captured", .bool(false)), ("failure_code", "card_declined"), ("paid", .bool(false)), ("status", "failed")],
        "charge.refunded": [("amount_refunded", .int(2000)), ("refunded", .bool(true))],
        "payment_intent.payment_failed": [("amount_received", .int(0)), ("status", "requires_payment_method")],
        "payment_intent.canceled": [("amount_received", .int(0)), ("status", "canceled")],
        "payment_intent.created": [("amount_received", .int(0)), ("status", "requires_payment_method")],
        "payment_intent.processing": [("amount_received", .int(0)), ("status", "processing")],
        "checkout.session.expired": [("payment_status", "unpaid"), ("status", "expired")],
        "product.deleted": [("active", .bool(false))],
        "payout.failed": [("failure_code", "account_closed"), ("status", "failed")],
        "payout.canceled": [("status", "canceled")],
        "refund.failed": [("status", "failed")],
    ]

    /// The resource of an event type: `customer.subscription.updated` → `customer.subscription`.
    static func resource(of type: String) -> String {
        guard let dot = type.lastIndex(of: ".") else { return type }
        return String(type[..<dot])
    }

    /// A sample object for an event of `type`: `id`, `object`, then the fields, `created`
    /// and `livemode` included, in key order as Stripe renders them.
    static func object(forEventType type: String, created: Int, livemode: Bool, random: inout SeededRandom) -> JSONValue {
        let resource = resource(of: type)
        guard let shape = shapes[aliases[resource] ?? resource] else {
            let id = random.identifier(resource.replacingOccurrences(of: ".", with: "_") + "_", count: 14)
            return .object([("id", .string(id)), ("object", .string(resource))])
        }
        var fields = shape.fields + [("created", .int(created)), ("livemode", .bool(livemode))]
        for (key, value) in overrides[type] ?? [] {
            if let index = fields.firstIndex(where: { $0.0 == key }) { fields[index].1 = value }
        }
        fields = fields.map { key, value in
            guard case .string(let text) = value else { return (key, value) }
            if text == "{created}" { return (key, .int(created)) }
            guard text.hasSuffix("_*") else { return (key, value) }
            return (key, .string(random.identifier(String(text.dropLast()), count: 14)))
        }
        let prefix = shape.prefix.replacingOccurrences(of: "{mode}", with: livemode ? "live" : "test")
        let id: (String, JSONValue) = ("id", .string(random.identifier(prefix, count: 14)))
        return .object([id, ("object", .string(shape.object))] + fields.sorted { $0.0 < $1.0 })
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    init(stringLiteral value: String) {
        self = .string(value)
    }
}
