/// The metadata keys `reconcile` reserves to mark the endpoints it owns.
public enum OwnershipMarks {
    public static let managedBy = "managed_by"
    public static let owner = "reconcile_owner"
    public static let trigger = "reconcile_trigger"
    public static let connect = "reconcile_connect"
    public static let managedByValue = "reconcile"

    /// Every reserved key; a config declaring one of them is invalid.
    public static let reservedKeys: Set<String> = [managedBy, owner, trigger, connect]

    /// The marks an endpoint for `triggerKey` carries.
    public static func metadata(owner: String, triggerKey: String, connect: Bool) -> [String: String] {
        var marks = [managedBy: managedByValue, Self.owner: owner, trigger: triggerKey]
        // Stripe never returns `connect`, so it is recorded here to be compared later.
        if connect { marks[Self.connect] = "true" }
        return marks
    }

    /// Who owns an observed endpoint, from the point of view of `owner`.
    public static func ownership(of endpoint: ObservedEndpoint, owner: String) -> Ownership {
        guard let marker = endpoint.metadata[managedBy] else { return .unmanaged }
        guard marker == managedByValue, endpoint.metadata[Self.owner] == owner else { return .foreign }
        return .managed(triggerKey: endpoint.metadata[trigger] ?? "")
    }
}

/// How an observed endpoint relates to one config's owner.
public enum Ownership: Sendable, Equatable {
    /// Marked with this owner; `triggerKey` is its `reconcile_trigger` (empty when missing).
    case managed(triggerKey: String)
    /// Marked by another owner or another tool: never touched.
    case foreign
    /// Carries no `managed_by`: never touched, unless adopted.
    case unmanaged
}
