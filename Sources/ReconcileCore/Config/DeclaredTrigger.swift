/// One declared trigger: exactly one Stripe event delivered to one url, with every
/// default already resolved by the loader.
public struct DeclaredTrigger: Sendable, Equatable {
    public var workflow: String
    public var event: String
    public var url: String
    /// The endpoint description: declared, else the workflow's, else `Managed by reconcile: KEY`.
    public var description: String
    public var enabled: Bool
    /// `nil` means any version is accepted (a new endpoint gets the account default).
    public var apiVersion: String?
    public var connect: Bool
    /// The user's metadata, without the reserved keys (the planner adds those).
    public var metadata: [String: String]

    public init(
        workflow: String,
        event: String,
        url: String,
        description: String? = nil,
        enabled: Bool = true,
        apiVersion: String? = nil,
        connect: Bool = false,
        metadata: [String: String] = [:]
    ) {
        self.workflow = workflow
        self.event = event
        self.url = url
        self.description = description ?? DeclaredTrigger.defaultDescription(key: "\(workflow)/\(event)")
        self.enabled = enabled
        self.apiVersion = apiVersion
        self.connect = connect
        self.metadata = metadata
    }

    /// The trigger's identity, `WORKFLOW/EVENT`.
    public var key: String { "\(workflow)/\(event)" }

    /// The metadata keys reconcile writes on the endpoints it manages; a config may not declare them.
    public static let reservedMetadataKeys = ["managed_by", "reconcile_owner", "reconcile_trigger", "reconcile_connect"]

    /// The description of a trigger that declares none, in a workflow that has none.
    public static func defaultDescription(key: String) -> String {
        "Managed by reconcile: \(key)"
    }
}
