import ReconcileCore

/// A run over one or more accounts: every account is listed and planned, then every
/// plan that may be applied is applied. Accounts run side by side, up to
/// `concurrency` accounts at once (requests in flight are bounded by the transport,
/// see `GatedTransport`); one account's failure never stops the others.
public struct Reconciliation: Sendable {
    public var options: PlanOptions
    public var concurrency: Int
    /// Reads an account's API key, by name, from the environment.
    public var environment: [String: String]
    /// Makes the Stripe access for one account.
    public var connect: @Sendable (AccountConfig, APIKey) -> any EndpointAPI
    public var secrets: SecretsFile?
    /// `--secrets-exec`: run for each endpoint created, its failures failing the account.
    public var secretsExec: SecretsExec?
    public var progress: @Sendable (RunProgress) async -> Void

    public init(
        options: PlanOptions, concurrency: Int = 16, environment: [String: String],
        secrets: SecretsFile? = nil, secretsExec: SecretsExec? = nil,
        connect: @escaping @Sendable (AccountConfig, APIKey) -> any EndpointAPI,
        progress: @escaping @Sendable (RunProgress) async -> Void = { _ in }
    ) {
        self.options = options
        self.concurrency = max(1, concurrency)
        self.environment = environment
        self.secrets = secrets
        self.secretsExec = secretsExec
        self.connect = connect
        self.progress = progress
    }

    /// Lists and plans every account; sends no write. Reports `.planned` for every
    /// account, refused and failed ones included.
    public func plan(_ configs: [AccountConfig]) async -> [AccountRun] {
        await configs.concurrentMap(limit: concurrency) { config in
            let run = await planAccount(config)
            await progress(.planned(run.report))
            return run
        }
    }

    /// Applies the plans that are neither refused nor failed. Reports `.finished` for
    /// every account, those left alone included, so a count of them reaches the total.
    public func apply(_ runs: [AccountRun]) async -> [AccountRun] {
        await runs.concurrentMap(limit: concurrency) { run in
            let done = await applyAccount(run)
            await progress(.finished(done.report))
            return done
        }
    }

    func planAccount(_ config: AccountConfig) async -> AccountRun {
        let (key, api, observed): (APIKey, any EndpointAPI, [ObservedEndpoint])
        switch await list(config) {
        case .ended(let run): return run
        case .listed(let k, let a, let o): (key, api, observed) = (k, a, o)
        }
        let plan = Planner.plan(config: config, observed: observed, options: options)
        let report = AccountReport(configPath: config.path, owner: config.stripe.owner, plan: plan, outcome: plan.isRefused ? .refused : .planned)
        var run = AccountRun(config: config, key: key, report: report)
        run.api = api
        run.observed = observed
        return run
    }

    /// An account's key and endpoints, or the run as it ended without them.
    enum Listing {
        case listed(APIKey, any EndpointAPI, [ObservedEndpoint])
        case ended(AccountRun)
    }

    /// Reads the account's key, checks its mode (before any request) and lists every
    /// endpoint.
    func list(_ config: AccountConfig) async -> Listing {
        let owner = config.stripe.owner
        let key: APIKey
        switch APIKey.from(environment, name: config.stripe.apiKeyEnv) {
        case .success(let found): key = found
        case .failure(let error): return .ended(AccountRun(config: config, failure: error.message))
        }
        if let wanted = config.stripe.mode, wanted != key.mode {
            let plan = Plan(configPath: config.path, owner: owner, actions: [], unmanaged: [], refusals: [.modeMismatch(key: key.mode, keyEnv: config.stripe.apiKeyEnv, config: wanted)])
            return .ended(AccountRun(config: config, key: key, report: AccountReport(configPath: config.path, owner: owner, plan: plan, outcome: .refused)))
        }
        let api = connect(config, key)
        do {
            return .listed(key, api, try await api.listAll())
        } catch {
            return .ended(AccountRun(config: config, key: key, failure: "listing webhook endpoints failed: \(error)"))
        }
    }

    func applyAccount(_ run: AccountRun) async -> AccountRun {
        guard run.report.outcome == .planned, let plan = run.report.plan, let api = run.api, let key = run.key else { return run }
        var run = run
        // Secrets are kept as each create answers, not when its action is done.
        let writer: any EndpointAPI = secrets == nil && secretsExec == nil ? api
            : SecretKeepingEndpointAPI(base: api, secrets: secrets, exec: secretsExec, config: run.config.path)
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
            // The writes are done; only the record of their secrets failed.
            let completed = if case .failed(_, let done) = run.report.outcome { done } else { plan.actions.filter(\.isChange).count }
            run.report.outcome = .failed(message: "\(error)", completed: completed)
        }
        if let failures = await secretsExec?.takeFailures(config: run.config.path), !failures.isEmpty {
            // The endpoints exist; only the hand-over of their secrets failed.
            let completed = if case .failed(_, let done) = run.report.outcome { done } else { plan.actions.filter(\.isChange).count }
            var message = failures.map(\.description).joined(separator: "; ")
            if case .failed(let earlier, _) = run.report.outcome { message = earlier + "; " + message }
            run.report.outcome = .failed(message: message, completed: completed)
        }
        return run
    }
}

/// One account's way through a run.
public struct AccountRun: Sendable {
    public var config: AccountConfig
    public var key: APIKey?
    public var report: AccountReport
    var api: (any EndpointAPI)?
    /// The endpoints listed when planning.
    public internal(set) var observed: [ObservedEndpoint] = []

    init(config: AccountConfig, key: APIKey? = nil, report: AccountReport) {
        self.config = config
        self.key = key
        self.report = report
    }

    init(config: AccountConfig, key: APIKey? = nil, failure: String) {
        self.init(config: config, key: key, report: AccountReport(configPath: config.path, owner: config.stripe.owner, plan: nil, outcome: .failed(message: failure, completed: 0)))
    }
}

/// What a run reports as it goes, for progress on stderr.
public enum RunProgress: Sendable {
    /// An account was listed and planned (or refused, or failed before planning).
    case planned(AccountReport)
    /// One action of an account's plan was applied.
    case applied(config: String, AppliedAction)
    /// An account's apply is over, whatever its outcome.
    case finished(AccountReport)
}
