import ReconcileCore

extension OptionSpelling {
    /// Every way out the core's messages name, as `reconcile` is typed: the flags
    /// `ApplyCommand` and `ConfigOptions` declare, and the commands. The core names which
    /// one a message means; only this switch knows how it is spelled.
    static let commandLine = OptionSpelling { option in
        switch option {
        case .allowDeletes: "--allow-deletes"
        case .maxDeletes(let count): "--max-deletes \(count)"
        case .allowReplace: "--allow-replace"
        case .secretsOut: "--secrets-out FILE"
        case .savePlan: "reconcile --dry-run --plan-out FILE"
        case .allowUnknownEvents: "--allow-unknown-events"
        case .allowUnknownAPIVersions: "--allow-unknown-api-versions"
        case .searchEvents: "reconcile events WORD"
        }
    }
}
