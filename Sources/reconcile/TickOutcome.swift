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

    /// The `result` label of `reconcile_ticks_total`: success, changes, failed, refused
    /// or invalid_config.
    var result: String {
        if configInvalid { return "invalid_config" }
        guard let report else { return "failed" }
        if report.anyFailed { return "failed" }
        if report.anyRefused { return "refused" }
        return report.hasChanges ? "changes" : "success"
    }

    /// Whether the tick counts as a success for `/healthz`: it reached every account and
    /// applied what it planned (a refused plan or an invalid config is the operator's to fix,
    /// not a sign of a stuck controller, but it is not a success either).
    var succeeded: Bool { result == "success" || result == "changes" }
}

extension PlanSummary {
    /// Actions that write: every one but `unchanged`.
    var changes: Int { create + update + replace + delete + adopt }
}
