/// A webhook endpoint as listed from Stripe, reduced to what planning needs.
public struct ObservedEndpoint: Sendable, Equatable {
    public var id: String
    public var url: String
    public var enabledEvents: [String]
    public var description: String?
    public var enabled: Bool
    public var apiVersion: String?
    /// Non-nil (`ca_...`) on Connect endpoints: Stripe never returns `connect` itself.
    public var application: String?
    public var metadata: [String: String]
    /// Unix seconds; used to pick the oldest among candidates.
    public var created: Int
    public var livemode: Bool

    public init(
        id: String, url: String, enabledEvents: [String], description: String? = nil,
        enabled: Bool = true, apiVersion: String? = nil, application: String? = nil,
        metadata: [String: String] = [:], created: Int = 0, livemode: Bool = false
    ) {
        self.id = id
        self.url = url
        self.enabledEvents = enabledEvents
        self.description = description
        self.enabled = enabled
        self.apiVersion = apiVersion
        self.application = application
        self.metadata = metadata
        self.created = created
        self.livemode = livemode
    }
}
