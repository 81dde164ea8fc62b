import ReconcileCore

/// How one run (a controller's tick) ended.
struct TickOutcome: Sendable {
    /// The run's exit code by the contract (0, 1, 2, 4).
    var code: Int32
    /// What was planned and done; nil when the run stopped before planning.
    var report: RunReport?
    /// Whether the config read for this tick was invalid (the last valid one was used).
    var configInvalid = false
    /// Whether the config differs from the previous tick's (the first tick's counts as
    /// changed): changes made under an unchanged config repaired drift.
    var configChanged = true
    /// Whether anything was printed on stdout for it (it had changes, or failed).
    var printed = false

    /// What the tick came to: its run's outcome, or an invalid config (the last valid
    /// one was applied), or failed when it stopped before planning.
    var result: TickResult {
        if configInvalid { return .invalidConfig }
        return report.map { TickResult($0.outcome) } ?? .failed
    }

    /// Whether the tick counts as a success for `/healthz`: it reached every account and
    /// applied what it planned (a refused plan or an invalid config is the operator's to fix,
    /// not a sign of a stuck controller, but it is not a success either).
    var succeeded: Bool { result == .success || result == .changes }
}

/// A tick's result; the raw value is the `result` label of `reconcile_ticks_total`.
enum TickResult: String, CaseIterable {
    case success, changes, failed, refused
    case invalidConfig = "invalid_config"

    init(_ outcome: RunOutcome) {
        switch outcome {
        case .failed: self = .failed
        case .refused: self = .refused
        case .changed: self = .changes
        case .unchanged: self = .success
        }
    }
}

extension PlanSummary {
    /// Actions that write: every one but `unchanged`.
    var changes: Int { create + update + replace + delete + adopt }
}
