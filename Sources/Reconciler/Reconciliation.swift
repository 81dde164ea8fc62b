import ReconcileCore

/// A run over one or more accounts: every account is listed and planned, then every
/// plan that may be applied is applied. Accounts run side by side, up to
/// `concurrency` at once; one account's failure never stops the others.
public struct Reconciliation: Sendable {
    public var options: PlanOptions
    public var concurrency: Int
    /// Reads an account's API key, by name, from the environment.
    public var environment: [String: String]
    /// Makes the Stripe access for one account.
    public var connect: @Sendable (AccountConfig, APIKey) -> any EndpointAPI
    public var secrets: SecretsFile?
    public var progress: @Sendable (RunProgress) async -> Void

    public init(
        options: PlanOptions, concurrency: Int = 16, environment: [String: String],
        secrets: SecretsFile? = nil,
        connect: @escaping @Sendable (AccountConfig, APIKey) -> any EndpointAPI,
        progress: @escaping @Sendable (RunProgress) async -> Void = { _ in }
    ) {
        self.options = options
        self.concurrency = max(1, concurrency)
        self.environment = environment
        self.secrets = secrets
        self.connect = connect
        self.progress = progress
    }

    /// Lists and plans every account; sends no write.
    public func plan(_ configs: [AccountConfig]) async -> [AccountRun] {
        await configs.concurrentMap(limit: concurrency) { config in await planAccount(config) }
    }

    /// Applies the plans that are neither refused nor failed.
    public func apply(_ runs: [AccountRun]) async -> [AccountRun] {
        await runs.concurrentMap(limit: concurrency) { run in await applyAccount(run) }
    }

    func planAccount(_ config: AccountConfig) async -> AccountRun {
        let owner = config.stripe.owner
        let envName = config.stripe.apiKeyEnv
        guard let raw = environment[envName], !raw.isEmpty else {
            return AccountRun(config: config, failure: "\(envName) is not set: export it with the account's secret or restricted key (sk_test_…, sk_live_…, rk_test_… or rk_live_…)")
        }
        guard let key = APIKey(raw) else {
            return AccountRun(config: config, failure: "\(envName) does not hold a Stripe API key: expected one starting with sk_test_, sk_live_, rk_test_ or rk_live_")
        }
        // The mode guard is checked before any request.
        if let wanted = config.stripe.mode, wanted != key.mode {
            let plan = Plan(config: config.path, owner: owner, actions: [], unmanaged: [], refusals: [.modeMismatch(key: key.mode, config: wanted)])
            return AccountRun(config: config, key: key, report: AccountReport(config: config.path, owner: owner, plan: plan, outcome: .refused))
        }
        let api = connect(config, key)
        let observed: [ObservedEndpoint]
        do {
            observed = try await api.listAll()
        } catch {
            return AccountRun(config: config, key: key, failure: "listing webhook endpoints failed: \(error)")
        }
        let plan = Planner.plan(config: config, observed: observed, options: options)
        let report = AccountReport(config: config.path, owner: owner, plan: plan, outcome: plan.isRefused ? .refused : .planned)
        var run = AccountRun(config: config, key: key, report: report)
        run.api = api
        run.observed = observed
        await progress(.planned(run.report))
        return run
    }

    func applyAccount(_ run: AccountRun) async -> AccountRun {
        guard run.report.outcome == .planned, let plan = run.report.plan, let api = run.api, let key = run.key else { return run }
        var run = run
        // Secrets are kept as each create answers, not when its action is done.
        let writer: any EndpointAPI = if let secrets { SecretKeepingEndpointAPI(base: api, secrets: secrets) } else { api }
        let applier = PlanApplier(api: writer, account: key.fingerprint, observed: run.observed, owner: plan.owner)
        let progress = progress
        let config = run.config.path
        do {
            try await applier.apply(plan) { done in
                await progress(.applied(config: config, done))
            }
            run.report.outcome = .applied
        } catch {
            let verb = error.action.action.name
            let what = error.action.trigger.map { "\(verb) \($0)" } ?? "\(verb) \(error.action.endpointID ?? "")"
            // A cancelled request may have been applied: the next run finds out by listing.
            let why = error.underlying is CancellationError ? "interrupted; the request in flight was abandoned (the next run sees whether it was applied)" : "\(error.underlying)"
            run.report.outcome = .failed(message: "\(what) failed: \(why)", completed: error.completed)
        }
        do { try await secrets?.flush() } catch {
            run.report.outcome = .failed(message: "\(error)", completed: run.report.outcome == .applied ? plan.actions.filter(\.isChange).count : 0)
        }
        await progress(.finished(run.report))
        return run
    }
}

/// One account's way through a run.
public struct AccountRun: Sendable {
    public var config: AccountConfig
    public var key: APIKey?
    public var report: AccountReport
    var api: (any EndpointAPI)?
    var observed: [ObservedEndpoint] = []

    init(config: AccountConfig, key: APIKey? = nil, report: AccountReport) {
        self.config = config
        self.key = key
        self.report = report
    }

    init(config: AccountConfig, key: APIKey? = nil, failure: String) {
        self.init(config: config, key: key, report: AccountReport(config: config.path, owner: config.stripe.owner, plan: nil, outcome: .failed(message: failure, completed: 0)))
    }
}

/// What a run reports as it goes, for progress on stderr.
public enum RunProgress: Sendable {
    case planned(AccountReport)
    case applied(config: String, AppliedAction)
    case finished(AccountReport)
}
