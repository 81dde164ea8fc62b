/// What a run came to, by the contract's precedence: any failed account makes it failed,
/// else any refused one refused; otherwise it changed something or it did not. The CLI
/// maps it to an exit code (`Exit.code(for:detailed:)`) and a controller to its metrics.
public enum RunOutcome: Sendable, Equatable, CaseIterable {
    case failed, refused, changed, unchanged
}

extension RunReport {
    /// This run's outcome.
    public var outcome: RunOutcome {
        if anyFailed { return .failed }
        if anyRefused { return .refused }
        return hasChanges ? .changed : .unchanged
    }
}
