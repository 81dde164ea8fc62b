import ReconcileCore

/// How one run (a controller's tick) ended.
public struct TickOutcome: Sendable {
    /// What the run came to: its report's outcome, or failed when a step after planning
    /// failed (saving the plan) or a signal cut the run short.
    public var run: RunOutcome
    /// What was planned and done.
    public var report: RunReport
    /// Whether the config read for this tick was invalid (the last valid one was used).
    public var configInvalid = false
    /// Whether the config differs from the previous tick's (the first tick's counts as
    /// changed): changes made under an unchanged config repaired drift.
    public var configChanged = true
    public init(report: RunReport) {
        self.run = report.outcome
        self.report = report
    }

    /// What the tick came to: its run's outcome, or an invalid config (the last valid one
    /// was applied).
    public var result: TickResult {
        configInvalid ? .invalidConfig : TickResult(run)
    }

    /// Whether the tick counts as a success for `/healthz`: it reached every account and
    /// applied what it planned (a refused plan or an invalid config is the operator's to fix,
    /// not a sign of a stuck controller, but it is not a success either).
    public var succeeded: Bool { result == .success || result == .changes }
}

/// A tick's result; the raw value is the `result` label of `reconcile_ticks_total`.
public enum TickResult: String, Sendable, CaseIterable {
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
