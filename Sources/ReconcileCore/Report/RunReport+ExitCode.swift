extension RunReport {
    /// The contract's exit code: 1 if any account failed, else 4 if any was refused,
    /// else 2 with `--detailed-exitcode` when the plan has changes, else 0.
    public func exitCode(detailed: Bool) -> Int32 {
        if anyFailed { return 1 }
        if anyRefused { return 4 }
        if detailed && hasChanges { return 2 }
        return 0
    }
}
