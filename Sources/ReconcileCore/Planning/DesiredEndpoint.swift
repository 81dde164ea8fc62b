/// What one declared trigger's endpoint must look like on Stripe, ownership marks included.
public struct DesiredEndpoint: Sendable, Equatable, Codable {
    public var url: String
    /// Always exactly one event: a trigger is one event.
    public var enabledEvents: [String]
    public var description: String
    public var enabled: Bool
    /// `nil`: any version is accepted.
    public var apiVersion: String?
    public var connect: Bool
    /// The declared metadata plus the reserved ownership keys.
    public var metadata: [String: String]

    public init(trigger: DeclaredTrigger, owner: String) {
        url = trigger.url
        enabledEvents = [trigger.event]
        description = trigger.description
        enabled = trigger.enabled
        apiVersion = trigger.apiVersion
        connect = trigger.connect
        metadata = trigger.metadata.merging(
            OwnershipMarks.metadata(owner: owner, triggerKey: trigger.key, connect: trigger.connect)
        ) { _, reserved in reserved }
    }
}
