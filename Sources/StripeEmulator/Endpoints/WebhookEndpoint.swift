/// A webhook endpoint as the emulator stores it (the secret included).
public struct WebhookEndpoint: Sendable, Codable, Equatable {
    /// `we_` and 24 letters or digits.
    public var id: String
    /// The API version events are rendered with; nil means the account's default.
    public var apiVersion: String?
    /// `ca_...` on endpoints created with `connect=true`, else nil.
    public var application: String?
    /// Unix seconds.
    public var created: Int
    /// Free text, at most 5000 characters.
    public var description: String?
    /// Event types, or `["*"]` for all.
    public var enabledEvents: [String]
    /// Whether the endpoint belongs to a live-mode key.
    public var livemode: Bool
    /// At most 50 string pairs.
    public var metadata: [String: String]
    /// `whsec_...`; returned by the API only when the endpoint is created.
    public var secret: String
    /// `enabled` or `disabled`.
    public var status: String
    /// Where events would be sent.
    public var url: String
    /// Creation order, to sort endpoints created in the same second newest first.
    public var sequence: Int

    /// The object as the API renders it; the secret only where Stripe shows it.
    func json(includingSecret: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(id)),
            ("object", .string("webhook_endpoint")),
            ("api_version", .optional(apiVersion)),
            ("application", .optional(application)),
            ("created", .int(created)),
            ("description", .optional(description)),
            ("enabled_events", .array(enabledEvents.map(JSONValue.string))),
            ("livemode", .bool(livemode)),
            ("metadata", .object(metadata.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
        ]
        if includingSecret { members.append(("secret", .string(secret))) }
        members.append(("status", .string(status)))
        members.append(("url", .string(url)))
        return .object(members)
    }
}
