/// How many triggers and endpoints fall under each action: each declared trigger once,
/// plus one `delete` per other endpoint removed (orphans and duplicates).
public struct PlanSummary: Sendable, Equatable {
    public var create = 0
    public var update = 0
    public var replace = 0
    public var delete = 0
    public var adopt = 0
    public var unchanged = 0

    public init(create: Int = 0, update: Int = 0, replace: Int = 0, delete: Int = 0, adopt: Int = 0, unchanged: Int = 0) {
        self.create = create
        self.update = update
        self.replace = replace
        self.delete = delete
        self.adopt = adopt
        self.unchanged = unchanged
    }

    /// Actions that write: every one but `unchanged`.
    public var changes: Int { create + update + replace + delete + adopt }

    public init(_ actions: [PlannedAction]) {
        for planned in actions { count(planned.action) }
    }

    public init(_ plans: [Plan]) {
        for plan in plans { for planned in plan.actions { count(planned.action) } }
    }

    private mutating func count(_ action: Action) {
        switch action {
        case .create: create += 1
        case .update: update += 1
        case .replace: replace += 1
        case .delete: delete += 1
        case .adopt: adopt += 1
        case .unchanged: unchanged += 1
        }
    }
}
