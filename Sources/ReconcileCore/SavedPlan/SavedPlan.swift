/// A plan written by `reconcile --dry-run --plan-out FILE` and applied by `--plan FILE`,
/// with what it was computed from: a digest of each config file and, per account, of
/// each endpoint listed. It holds no API key and no signing secret.
public struct SavedPlan: Sendable, Equatable, Codable {
    /// `reconcile --version` of the tool that made the plan.
    public var tool: String
    /// Unix seconds when the plan was made.
    public var createdAt: Int
    /// Every config file planned from, with the SHA-256 of its bytes.
    public var configs: [ConfigDigest]
    public var accounts: [SavedAccount]

    public init(tool: String, createdAt: Int, configs: [ConfigDigest], accounts: [SavedAccount]) {
        self.tool = tool
        self.createdAt = createdAt
        self.configs = configs
        self.accounts = accounts
    }

    enum CodingKeys: String, CodingKey {
        case tool, configs, accounts
        case createdAt = "created_at"
    }
}

/// A config file and the SHA-256 of its bytes when the plan was made.
public struct ConfigDigest: Sendable, Equatable, Codable {
    public var path: String
    public var sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}

/// One account's saved plan and the state it was computed from.
public struct SavedAccount: Sendable, Equatable, Codable {
    /// The config file, as given when planning.
    public var config: String
    public var owner: String
    /// The name of the environment variable that held the key (never the key).
    public var apiKeyEnv: String
    public var mode: StripeMode?
    /// A non-secret fingerprint of the key planned with: the account, and a part of
    /// every idempotency key. With it and the endpoints listed (checked equal), a create
    /// sends the key it would have sent had it been applied when planned.
    public var account: String
    /// `id → SHA-256` of every endpoint listed when planning.
    public var endpoints: [String: String]
    public var plan: Plan

    public init(config: String, owner: String, apiKeyEnv: String, mode: StripeMode?, account: String,
                endpoints: [String: String], plan: Plan) {
        self.config = config
        self.owner = owner
        self.apiKeyEnv = apiKeyEnv
        self.mode = mode
        self.account = account
        self.endpoints = endpoints
        self.plan = plan
    }

    enum CodingKeys: String, CodingKey {
        case config, owner, mode, account, endpoints, plan
        case apiKeyEnv = "api_key_env"
    }
}
