/// The parameters of `POST /v1/webhook_endpoints`.
///
/// Stripe takes no `disabled` on create: to create a disabled endpoint, create it and
/// then update it with ``WebhookEndpointUpdateParams/disabled``.
public struct WebhookEndpointCreateParams: Sendable, Equatable {
    /// The URL events are posted to.
    public var url: String
    /// The event types to send, or `["*"]`.
    public var enabledEvents: [String]
    /// An optional description.
    public var description: String?
    /// The API version events are rendered with; create-only on Stripe.
    public var apiVersion: String?
    /// Whether the endpoint receives events of connected accounts; create-only, and
    /// never returned by Stripe (a Connect endpoint shows a non-nil `application`).
    public var connect: Bool?
    /// Metadata to attach.
    public var metadata: [String: String]

    /// Creates the parameters.
    public init(
        url: String, enabledEvents: [String], description: String? = nil, apiVersion: String? = nil,
        connect: Bool? = nil, metadata: [String: String] = [:]
    ) {
        self.url = url
        self.enabledEvents = enabledEvents
        self.description = description
        self.apiVersion = apiVersion
        self.connect = connect
        self.metadata = metadata
    }

    /// The form body, fields in a fixed order.
    public var form: FormEncoder {
        var form = FormEncoder()
        form.add("url", url)
        form.add("enabled_events", array: enabledEvents)
        if let description { form.add("description", description) }
        if let apiVersion { form.add("api_version", apiVersion) }
        if let connect { form.add("connect", connect) }
        form.add("metadata", map: metadata)
        return form
    }
}
