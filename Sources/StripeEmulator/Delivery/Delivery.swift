/// Every attempt to deliver one event to one endpoint, and how it ended.
public struct Delivery: Sendable, Codable, Equatable {
    /// The endpoint's id, `we_...`.
    public var endpoint: String
    /// The endpoint's `reconcile_trigger` metadata, when it has one.
    public var trigger: String?
    public var url: String
    /// Oldest first; the last one decided.
    public var attempts: [DeliveryAttempt]

    /// Whether the last attempt got a 2xx.
    public var succeeded: Bool {
        attempts.last?.succeeded ?? false
    }

    /// The last attempt's status; nil when it got no response.
    public var status: Int? {
        attempts.last?.status
    }

    /// The last attempt's error, when it got no response.
    public var error: String? {
        attempts.last?.error
    }

    /// All attempts' time, without the waits between them, in milliseconds.
    public var durationMs: Int {
        attempts.reduce(0) { $0 + $1.durationMs }
    }

    /// The trigger key, else the endpoint id: what a person recognises the endpoint by.
    public var name: String {
        trigger ?? endpoint
    }
}

/// What one emitted event did: its id and type, and its delivery to each endpoint that listens.
public struct TriggeredEvent: Sendable, Codable, Equatable {
    /// `evt_...`.
    public var id: String
    public var type: String
    /// One per enabled endpoint subscribed to the type (or `*`); empty when none listens.
    public var deliveries: [Delivery]

    /// Whether at least one endpoint listened and every one answered 2xx in the end.
    public var succeeded: Bool {
        !deliveries.isEmpty && deliveries.allSatisfy(\.succeeded)
    }
}
