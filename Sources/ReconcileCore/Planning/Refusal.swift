/// A safety rule that refuses a whole account's plan before any write (exit code 4).
public enum Refusal: Sendable, Equatable {
    /// The plan would leave more endpoints than `max_endpoints`.
    case endpointCap(planned: Int, max: Int)
    /// The plan deletes more endpoints of undeclared triggers than the limit.
    case deletionLimit(deletes: Int, limit: Int)
    /// The plan replaces endpoints, which gives them new signing secrets.
    case replaceNotAllowed(count: Int)
    /// The API key's mode is not the config's `stripe.mode`.
    case modeMismatch(key: StripeMode, config: StripeMode)

    /// What is wrong, with the numbers and the way out.
    public var message: String {
        switch self {
        case .endpointCap(let planned, let max):
            "the plan would leave \(planned) webhook endpoints, over max_endpoints \(max) (unmanaged and foreign endpoints count); remove triggers, delete unmanaged endpoints, or raise stripe.max_endpoints if Stripe allows more"
        case .deletionLimit(let deletes, let limit):
            "the plan would delete \(deletes) endpoints whose triggers are no longer declared, over the limit of \(limit); check the config is complete, then pass --allow-deletes or --max-deletes \(deletes)"
        case .replaceNotAllowed(let count):
            "the plan replaces \(count) endpoint\(count == 1 ? "" : "s") (api_version or connect changed), which gives \(count == 1 ? "it" : "them") a new signing secret; pass --allow-replace, and --secrets-out FILE to collect the new secrets for your receivers"
        case .modeMismatch(let key, let config):
            "the API key is a \(key.rawValue)-mode key but stripe.mode is \(config.rawValue); use a \(config.rawValue)-mode key or change stripe.mode"
        }
    }
}
