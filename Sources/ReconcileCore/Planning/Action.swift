/// What the plan does about one trigger or one endpoint: a closed set, so counts,
/// ordering and rendering come from exhaustive switches.
public enum Action: Sendable, Equatable, Codable {
    /// No endpoint exists for the trigger: create one.
    case create(DesiredEndpoint)
    /// A managed endpoint drifted: fix it in place (same id, same secret).
    case update(endpointID: String, changes: [FieldChange])
    /// An unmanaged endpoint with the trigger's url and event: mark it, then fix it.
    case adopt(endpointID: String, changes: [FieldChange])
    /// A create-only field differs: create the new endpoint, then delete the old one
    /// (old first only when `deleteFirst`, because the cap leaves no room).
    case replace(endpointID: String, with: DesiredEndpoint, changes: [FieldChange], deleteFirst: Bool)
    /// Remove an endpoint this owner manages.
    case delete(endpointID: String, reason: DeleteReason)
    /// The endpoint already matches.
    case unchanged(endpointID: String)

    /// A saved plan names the new endpoint `{"create": {"endpoint": {...}}}`, not `_0`.
    enum CreateCodingKeys: String, CodingKey {
        case _0 = "endpoint"
    }
}

/// Why an endpoint is deleted.
public enum DeleteReason: Sendable, Equatable, Codable {
    /// Its trigger is no longer declared (counts toward the deletion limit).
    case orphan
    /// Another endpoint already serves the same trigger (a repair).
    case duplicate(of: String)
}

/// An action and the trigger it serves (`nil` for an orphan whose mark names no trigger).
public struct PlannedAction: Sendable, Equatable, Codable {
    public var trigger: String?
    public var action: Action

    public init(trigger: String?, action: Action) {
        self.trigger = trigger
        self.action = action
    }

    /// The endpoint the action works on, `nil` for a create.
    public var endpointID: String? {
        switch action {
        case .create: nil
        case .update(let id, _), .adopt(let id, _), .replace(let id, _, _, _),
             .delete(let id, _), .unchanged(let id):
            id
        }
    }

    /// Whether the action sends a write.
    public var isChange: Bool {
        if case .unchanged = action { return false }
        return true
    }
}
