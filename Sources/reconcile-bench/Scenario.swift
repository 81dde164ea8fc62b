import ArgumentParser

/// What a timed run starts from.
enum Scenario: String, ExpressibleByArgument, CaseIterable, Hashable {
    /// Empty accounts: every trigger is created.
    case fresh
    /// Everything already matches: one list per account, nothing else.
    case noop
    /// Half of each account's endpoints were edited behind the tool's back: one update each.
    case drift
    case all

    static let ordered: [Scenario] = [.fresh, .noop, .drift]

    /// The scenarios one `--scenario` value runs.
    var included: [Scenario] { self == .all ? Self.ordered : [self] }

    /// Writes the run should send for an account of `triggers` triggers.
    func writesPerAccount(triggers: Int) -> Int {
        switch self {
        case .fresh: triggers
        case .noop, .all: 0
        case .drift: (triggers + 1) / 2
        }
    }
}
