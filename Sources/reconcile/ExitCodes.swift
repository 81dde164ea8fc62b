import ArgumentParser
import ReconcileCore

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
}
