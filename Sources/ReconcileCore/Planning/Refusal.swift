/// A safety rule that refuses a whole account's plan before any write (exit code 4).
public enum Refusal: Sendable, Equatable, Codable {
    /// The plan would leave more endpoints than `max_endpoints`: `planned` in all, of
    /// which `untouched` are unmanaged or foreign.
    case endpointCap(planned: Int, untouched: Int, max: Int)
    /// The plan deletes more endpoints of undeclared triggers than the limit.
    case deletionLimit(deletes: Int, limit: DeletionLimit)
    /// The plan replaces endpoints, which gives them new signing secrets.
    case replaceNotAllowed(count: Int)
    /// The API key's mode (read from its prefix) is not the config's `stripe.mode`.
    case modeMismatch(key: StripeMode, keyEnv: String, config: StripeMode)
    /// A saved plan (`--plan FILE`) no longer matches what it was computed from.
    case stalePlan(StaleReason)

    /// What is wrong, with the numbers, what decided them, and the way out, its options
    /// typed as `spelling` says.
    public func message(spelling: OptionSpelling) -> String {
        switch self {
        case .endpointCap(let planned, let untouched, let max):
            let decidedBy = max == StripeSettings.defaultMaxEndpoints ? "Stripe's limit per account, `stripe.max_endpoints`" : "`stripe.max_endpoints`"
            return "the plan would leave \(planned) webhook endpoints (\(planned - untouched) of this file's triggers, \(untouched) unmanaged or foreign); this account allows \(max) (\(decidedBy)); remove triggers, delete unmanaged endpoints, or raise stripe.max_endpoints if Stripe allows more"
        case .deletionLimit(let deletes, let limit):
            return "the plan would delete \(deletes) endpoints whose triggers are no longer declared, over the limit of \(limit.value) (\(limit.decidedBy(spelling))); check the config is complete, then pass \(spelling(.allowDeletes)) or \(spelling(.maxDeletes(deletes)))"
        case .replaceNotAllowed(let count):
            return "the plan replaces \(count) endpoint\(count == 1 ? "" : "s") (api_version or connect changed), which gives \(count == 1 ? "it" : "them") a new signing secret; pass \(spelling(.allowReplace)), and \(spelling(.secretsOut)) to collect the new secrets for your receivers"
        case .modeMismatch(let key, let keyEnv, let config):
            let prefixes = key == .test ? "sk_test_ or rk_test_" : "sk_live_ or rk_live_"
            return "the key in \(keyEnv) is a \(key.rawValue)-mode key (it starts with \(prefixes)) but stripe.mode is \(config.rawValue); use a \(config.rawValue)-mode key or change stripe.mode"
        case .stalePlan(let reason):
            return "the saved plan is stale: \(reason.message); nothing was written to this account: plan again (\(spelling(.savePlan))), review it and apply the new plan"
        }
    }
}

/// How many endpoints of undeclared triggers one plan may delete, and what set it.
public enum DeletionLimit: Sendable, Equatable, Codable {
    /// `--max-deletes N`.
    case flag(Int)
    /// The default for an account with this many managed endpoints: the larger of 3 and half of them.
    case halfOfManaged(Int)

    /// The number of deletes allowed.
    public var value: Int {
        switch self {
        case .flag(let n): n
        case .halfOfManaged(let managed): max(3, managed / 2)
        }
    }

    /// What decided the limit, as a message says it.
    func decidedBy(_ spelling: OptionSpelling) -> String {
        switch self {
        case .flag(let n): spelling(.maxDeletes(n))
        case .halfOfManaged(let managed): "the default: the larger of 3 and half of the \(managed) managed endpoint\(managed == 1 ? "" : "s")"
        }
    }
}
