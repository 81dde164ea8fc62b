import ArgumentParser

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
