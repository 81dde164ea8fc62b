/// The parameters of `POST /v1/webhook_endpoints/{id}`; a `nil` field is left as it is.
///
/// `api_version` and `connect` cannot be changed on Stripe (`connect` on update is a 400
/// `parameter_unknown`), so they are absent here: changing them means a new endpoint.
public struct WebhookEndpointUpdateParams: Sendable, Equatable {
    /// A new URL.
    public var url: String?
    /// A new list of event types, replacing the old one.
    public var enabledEvents: [String]?
    /// A new description; `""` clears it.
    public var description: String?
    /// `true` to stop sending events, `false` to resume.
    public var disabled: Bool?
    /// Metadata changes: a value sets the key, `nil` unsets it; keys absent here are kept.
    public var metadata: [String: String?]

    /// Creates the parameters.
    public init(
        url: String? = nil, enabledEvents: [String]? = nil, description: String? = nil, disabled: Bool? = nil,
        metadata: [String: String?] = [:]
    ) {
        self.url = url
        self.enabledEvents = enabledEvents
        self.description = description
        self.disabled = disabled
        self.metadata = metadata
    }

    /// Whether the update changes nothing.
    public var isEmpty: Bool { form.isEmpty }

    /// The form body, fields in a fixed order.
    public var form: FormEncoder {
        var form = FormEncoder()
        if let url { form.add("url", url) }
        if let enabledEvents { form.add("enabled_events", array: enabledEvents) }
        if let description { form.add("description", description) }
        if let disabled { form.add("disabled", disabled) }
        form.add("metadata", map: metadata)
        return form
    }
}
