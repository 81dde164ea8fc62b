/// What happened to one account in a run: its plan and how far it got.
public struct AccountReport: Sendable, Equatable {
    /// The config file the account is declared in, as given.
    public var configPath: String
    public var owner: String
    /// `nil` when the account failed before it could be planned (no key, list failed).
    public var plan: Plan?
    public var outcome: AccountOutcome

    public init(configPath: String, owner: String, plan: Plan?, outcome: AccountOutcome) {
        self.configPath = configPath
        self.owner = owner
        self.plan = plan
        self.outcome = outcome
    }
}

/// How an account's run ended.
public enum AccountOutcome: Sendable, Equatable {
    /// Planned only (`--dry-run`).
    case planned
    /// Every action of the plan was applied.
    case applied
    /// A safety rule refused the plan; nothing was written.
    case refused
    /// A request failed; `completed` actions of the plan were applied before it.
    case failed(message: String, completed: Int)

    /// The word used in reports.
    public var name: String {
        switch self {
        case .planned: "planned"
        case .applied: "applied"
        case .refused: "refused"
        case .failed: "failed"
        }
    }
}

/// A whole run over one or more accounts.
public struct RunReport: Sendable, Equatable {
    public var dryRun: Bool
    public var accounts: [AccountReport]

    public init(dryRun: Bool, accounts: [AccountReport]) {
        self.dryRun = dryRun
        self.accounts = accounts
    }

    public var summary: PlanSummary { PlanSummary(accounts.compactMap(\.plan)) }
    public var hasChanges: Bool { accounts.contains { $0.plan?.hasChanges ?? false } }
    public var anyFailed: Bool { accounts.contains { if case .failed = $0.outcome { true } else { false } } }
    public var anyRefused: Bool { accounts.contains { $0.outcome == .refused } }
}
