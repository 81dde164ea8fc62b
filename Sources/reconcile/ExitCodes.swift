import ArgumentParser
import ReconcileCore
import Reconciler

/// Every exit code of the contract, in one place.
enum Exit {
    static let success = ExitCode(0)
    /// A request or an apply failed.
    static let failed = ExitCode(1)
    /// `--detailed-exitcode` and the plan has changes.
    static let changes = ExitCode(2)
    /// The config is invalid; nothing was sent.
    static let invalidConfig = ExitCode(3)
    /// A safety rule refused a plan.
    static let refused = ExitCode(4)
    /// Wrong command-line usage (ArgumentParser's own validation errors use it too).
    static let usage = ExitCode(64)
}

extension Exit {
    /// The exit code of a run's outcome: 1 when an account failed, else 4 when one was
    /// refused, else 2 with `--detailed-exitcode` when the plan has changes, else 0.
    static func code(for outcome: RunOutcome, detailed: Bool) -> ExitCode {
        switch outcome {
        case .failed: failed
        case .refused: refused
        case .changed: detailed ? changes : success
        case .unchanged: success
        }
    }

    /// The exit code of a run or a controller's last tick: a tick that had to fall back on
    /// the last valid config exits 3 unless its run failed or was refused (the broken config
    /// is the operator's to fix, whatever the last valid one did).
    static func code(for tick: TickOutcome, detailed: Bool) -> ExitCode {
        if tick.configInvalid, tick.run == .changed || tick.run == .unchanged { return invalidConfig }
        return code(for: tick.run, detailed: detailed)
    }
}
