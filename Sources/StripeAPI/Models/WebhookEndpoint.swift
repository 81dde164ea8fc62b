/// A webhook endpoint as Stripe returns it (`object: "webhook_endpoint"`).
///
/// Decoding ignores fields it does not know, so a newer API version adding one does not
/// break a run. Its mirror redacts the signing secret, so printing or dumping one is safe.
public struct WebhookEndpoint: JSONDecodable, Sendable, Equatable, CustomReflectable {
    /// Stripe's id, `we_...`.
    public var id: String
    /// Always `webhook_endpoint`.
    public var object: String
    /// The API version events are rendered with; `nil` means the account's default.
    public var apiVersion: String?
    /// The Connect application (`ca_...`) of an endpoint created with `connect=true`;
    /// Stripe never returns `connect` itself.
    public var application: String?
    /// Creation time, Unix seconds.
    public var created: Int64
    /// The description; `nil` when none was set.
    public var description: String?
    /// The event types sent to the endpoint, `["*"]` for all.
    public var enabledEvents: [String]
    /// Whether the endpoint lives in live mode.
    public var livemode: Bool
    /// String key-value pairs attached to the endpoint.
    public var metadata: [String: String]
    /// The signing secret, `whsec_...`: Stripe returns it only in the create response.
    public var secret: String?
    /// Whether events are sent to the endpoint.
    public var status: WebhookEndpointStatus
    /// The URL events are posted to, exactly as Stripe stores it.
    public var url: String

    /// Creates an endpoint value, as a test or an emulator-less caller would.
    public init(
        id: String, object: String = "webhook_endpoint", apiVersion: String? = nil, application: String? = nil,
        created: Int64, description: String? = nil, enabledEvents: [String], livemode: Bool = false,
        metadata: [String: String] = [:], secret: String? = nil, status: WebhookEndpointStatus = .enabled, url: String
    ) {
        self.id = id
        self.object = object
        self.apiVersion = apiVersion
        self.application = application
        self.created = created
        self.description = description
        self.enabledEvents = enabledEvents
        self.livemode = livemode
        self.metadata = metadata
        self.secret = secret
        self.status = status
        self.url = url
    }

    /// Reads Stripe's JSON; `metadata` and `livemode` default when absent.
    public init(json: JSON) throws {
        guard case .object = json else { throw JSONError("a webhook endpoint is not a JSON object") }
        id = try json.string("id")
        object = try json.optionalString("object") ?? "webhook_endpoint"
        apiVersion = try json.optionalString("api_version")
        application = try json.optionalString("application")
        created = try json.int64("created")
        description = try json.optionalString("description")
        enabledEvents = try json.strings("enabled_events")
        livemode = try json.optionalBool("livemode") ?? false
        metadata = try json.stringMap("metadata")
        secret = try json.optionalString("secret")
        status = WebhookEndpointStatus(rawValue: try json.string("status"))
        url = try json.string("url")
    }

    /// The fields as `print` and `dump` show them, with the signing secret redacted.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "id": id, "object": object, "apiVersion": apiVersion as Any, "application": application as Any,
            "created": created, "description": description as Any, "enabledEvents": enabledEvents,
            "livemode": livemode, "metadata": metadata, "secret": secret == nil ? "nil" : "whsec_[redacted]",
            "status": status, "url": url,
        ], displayStyle: .struct)
    }
}
