/// The command-line switches that shape a plan.
public struct PlanOptions: Sendable, Equatable {
    /// `--max-deletes N`; `nil` means the larger of 3 and half the managed endpoints.
    public var maxDeletes: Int?
    public var allowDeletes: Bool
    public var allowReplace: Bool
    /// `--target KEY`: only triggers whose key starts with one of these; empty means all.
    public var targets: [String]

    public init(maxDeletes: Int? = nil, allowDeletes: Bool = false, allowReplace: Bool = false, targets: [String] = []) {
        self.maxDeletes = maxDeletes
        self.allowDeletes = allowDeletes
        self.allowReplace = allowReplace
        self.targets = targets
    }

    /// Whether a trigger key is within the run's `--target` scope.
    public func isTargeted(_ triggerKey: String) -> Bool {
        targets.isEmpty || targets.contains { triggerKey.hasPrefix($0) }
    }

    /// The deletion limit for an account with `managedCount` managed endpoints.
    public func deletionLimit(managedCount: Int) -> DeletionLimit {
        maxDeletes.map(DeletionLimit.flag) ?? .halfOfManaged(managedCount)
    }
}
