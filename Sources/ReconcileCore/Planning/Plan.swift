/// The plan for one account: what to do, what is left alone, and what refuses it.
public struct Plan: Sendable, Equatable, Codable {
    /// The config file the plan comes from.
    public var configPath: String
    public var owner: String
    /// In the order they are applied.
    public var actions: [PlannedAction]
    /// Ids of unmanaged and foreign endpoints, never touched.
    public var unmanaged: [String]
    /// Safety rules that refuse the plan; empty when it may be applied.
    public var refusals: [Refusal]

    public init(configPath: String, owner: String, actions: [PlannedAction], unmanaged: [String], refusals: [Refusal] = []) {
        self.configPath = configPath
        self.owner = owner
        self.actions = actions
        self.unmanaged = unmanaged
        self.refusals = refusals
    }

    public var hasChanges: Bool { actions.contains(where: \.isChange) }
    public var isRefused: Bool { !refusals.isEmpty }
}
