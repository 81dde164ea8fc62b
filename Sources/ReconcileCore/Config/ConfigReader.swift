import Yams

/// Walks a composed config tree by hand, checking every rule and resolving every
/// default, and logs each problem at the position of the node that has it.
struct ConfigReader {
    var log: DiagnosticLog
    let environment: [String: String]
    let options: ConfigLoadOptions
    let catalog: EventCatalog
    let versions: APIVersions
    /// Positions of the nodes already read: an alias re-reads its anchor's node, at the
    /// anchor's position, so a repeat means an alias (refused; see `visit`).
    var visited: Set<VisitKey> = []
    var reportedAliases: Set<VisitKey> = []
    /// Whether the text can hold an alias at all: one needs an anchor (`&name`), so a
    /// file without `&` skips the bookkeeping (a tenth of reading a valid file).
    let mayHoldAliases: Bool
    /// Where `stripe.max_endpoints` was set, when it was, to say what decided the cap.
    var maxEndpointsMark: Mark?

    init(log: DiagnosticLog, environment: [String: String], options: ConfigLoadOptions,
         catalog: EventCatalog = .bundled, versions: APIVersions = .bundled, mayHoldAliases: Bool = true) {
        self.mayHoldAliases = mayHoldAliases
        self.log = log
        self.environment = environment
        self.options = options
        self.catalog = catalog
        self.versions = versions
    }

    static let topLevelKeys = ConfigField.topLevel.map(\.name)
    static let stripeKeys = ConfigField.stripe.map(\.name)

    /// The account the tree declares, or nil when anything was logged.
    mutating func read(_ root: Node, path: String) -> AccountConfig? {
        guard case .mapping = root else {
            log.error("the top level of a config file must be a mapping, found \(describe(root))", at: root.mark,
                      hint: "start the file with `version: 1`, then `stripe:` and `workflows:`")
            return nil
        }
        guard let top = fields(root, of: "the top level", allowed: Self.topLevelKeys) else { return nil }
        readVersion(top)
        let stripe = readStripe(top["stripe"])
        let workflows = readWorkflows(top, stripe: stripe)
        return log.diagnostics.isEmpty ? AccountConfig(path: path, stripe: stripe, workflows: workflows) : nil
    }

    private mutating func readVersion(_ top: Fields) {
        guard let node = top["version"] else {
            log.error("missing `version`", at: top.mark, hint: "add `version: 1` as the first line")
            return
        }
        guard let version = int(node, "version") else { return }
        if version != 1 {
            log.error("unsupported config version \(version); only version 1 exists", at: node.mark,
                      hint: "write `version: 1`")
        }
    }

    private mutating func readStripe(_ node: Node?) -> StripeSettings {
        var settings = StripeSettings()
        guard let node, !isNull(node), let stripe = fields(node, of: "`stripe`", allowed: Self.stripeKeys) else {
            return settings
        }
        if let node = stripe["api_key_env"], let name = string(node, "api_key_env") {
            if EnvironmentSubstitution.isVariableName(name) {
                settings.apiKeyEnv = name
            } else {
                log.error("`api_key_env` must name an environment variable, not `\(name)`", at: node.mark,
                          hint: "use letters, digits and `_`, not starting with a digit, e.g. `STRIPE_API_KEY`")
            }
        }
        if let node = stripe["owner"], let owner = string(node, "owner") {
            if let problem = NameRules.ownerProblem(owner) {
                log.error(problem, at: node.mark,
                          hint: "e.g. `shop-prod`; it is written to each endpoint's `reconcile_owner` metadata")
            } else {
                settings.owner = owner
            }
        }
        if let node = stripe["mode"], let mode = string(node, "mode") {
            if let parsed = StripeMode(rawValue: mode) {
                settings.mode = parsed
            } else {
                log.error("`mode` must be `test` or `live`, not `\(mode)`", at: node.mark,
                          hint: EditDistance.closest(to: mode, in: StripeMode.allCases.map(\.rawValue)).first.map { "did you mean `\($0)`?" }
                            ?? "leave it out to accept a key of either mode")
            }
        }
        if let node = stripe["api_version"] {
            settings.apiVersion = apiVersion(node)
        }
        if let node = stripe["max_endpoints"], let max = int(node, "max_endpoints") {
            if max > StripeSettings.largestMaxEndpoints {
                log.error("`max_endpoints` is \(max); reconcile manages at most \(StripeSettings.largestMaxEndpoints) endpoints per account", at: node.mark,
                          hint: "Stripe allows \(StripeSettings.defaultMaxEndpoints) webhook endpoints per account; write the limit Stripe gave you")
            } else if max >= 1 {
                settings.maxEndpoints = max
                maxEndpointsMark = node.mark
            } else {
                log.error("`max_endpoints` must be a positive integer, not \(max)", at: node.mark,
                          hint: "Stripe allows \(StripeSettings.defaultMaxEndpoints) webhook endpoints per account")
            }
        }
        return settings
    }

    /// An `api_version` value: a known version, or a well-formed one when allowed.
    mutating func apiVersion(_ node: Node) -> String? {
        guard !isNull(node), let version = string(node, "api_version") else { return nil }
        if versions.contains(version) { return version }
        if APIVersions.isWellFormed(version), options.allowUnknownAPIVersions { return version }
        var hint = versions.suggestion(for: version).map { "did you mean `\($0)`?" } ?? "the newest known version is `\(versions.latest ?? "")`."
        if APIVersions.isWellFormed(version) {
            hint += " If Stripe released it after this build, pass \(options.spelling(.allowUnknownAPIVersions))"
        }
        log.error("unknown Stripe API version `\(version)`", at: node.mark, hint: hint)
        return nil
    }
}

/// A node's kind and position, to recognise a node read twice (through an alias).
struct VisitKey: Hashable {
    var kind: Int
    var line: Int
    var column: Int
}
