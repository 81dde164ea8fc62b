/// One config file: the webhook endpoints declared for one Stripe account.
public struct AccountConfig: Sendable, Equatable {
    /// The path the file was loaded from, as given (used in messages and the JSON plan).
    public var path: String
    public var stripe: StripeSettings
    public var workflows: [Workflow]

    public init(path: String, stripe: StripeSettings, workflows: [Workflow]) {
        self.path = path
        self.stripe = stripe
        self.workflows = workflows
    }

    /// Every declared trigger, in file order, with defaults resolved.
    public var triggers: [DeclaredTrigger] { workflows.flatMap(\.triggers) }
}

/// The `stripe:` section of a config file.
public struct StripeSettings: Sendable, Equatable {
    /// Name of the environment variable holding the API key.
    public var apiKeyEnv: String
    /// Ownership namespace written to `reconcile_owner`.
    public var owner: String
    /// Optional guard: a key of the other mode is refused.
    public var mode: StripeMode?
    /// Default `api_version` for new endpoints.
    public var apiVersion: String?
    /// The account's endpoint cap.
    public var maxEndpoints: Int

    public static let defaultAPIKeyEnv = "STRIPE_API_KEY"
    public static let defaultOwner = "default"
    public static let defaultMaxEndpoints = 16
    /// The largest `max_endpoints` a config may declare: 1,000, far past Stripe's 16 and
    /// within the pages a listing follows (``StripeClient`` stops after 100 pages of 100).
    public static let largestMaxEndpoints = 1_000

    public init(
        apiKeyEnv: String = StripeSettings.defaultAPIKeyEnv,
        owner: String = StripeSettings.defaultOwner,
        mode: StripeMode? = nil,
        apiVersion: String? = nil,
        maxEndpoints: Int = StripeSettings.defaultMaxEndpoints
    ) {
        self.apiKeyEnv = apiKeyEnv
        self.owner = owner
        self.mode = mode
        self.apiVersion = apiVersion
        self.maxEndpoints = maxEndpoints
    }
}

/// Test or live mode, as decided by a Stripe key's prefix.
public enum StripeMode: String, Sendable, Equatable, CaseIterable, Codable {
    case test, live
}

/// A named workflow and the Stripe events that trigger it.
public struct Workflow: Sendable, Equatable {
    public var name: String
    public var description: String?
    public var triggers: [DeclaredTrigger]

    public init(name: String, description: String? = nil, triggers: [DeclaredTrigger]) {
        self.name = name
        self.description = description
        self.triggers = triggers
    }
}
