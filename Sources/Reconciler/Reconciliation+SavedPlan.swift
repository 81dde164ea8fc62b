import ReconcileCore

extension Reconciliation {
    /// Checks every account of a saved plan against what is there now and returns runs
    /// that carry the saved actions: `.planned` where the plan is current, refused with
    /// the reason where it is stale. `configDigests` maps each config path to the
    /// SHA-256 of its bytes now (a path that cannot be read is absent). Sends no write.
    public func check(_ saved: SavedPlan, configDigests: [String: String]) async -> [AccountRun] {
        await saved.accounts.concurrentMap(limit: concurrency) { account in
            let run = await checkAccount(account, of: saved, configDigest: configDigests[account.config])
            await progress(.planned(run.report))
            return run
        }
    }

    func checkAccount(_ account: SavedAccount, of saved: SavedPlan, configDigest: String?) async -> AccountRun {
        // Only what listing and applying read: the saved actions carry the rest.
        let config = AccountConfig(path: account.config, stripe: StripeSettings(apiKeyEnv: account.apiKeyEnv, owner: account.owner, mode: account.mode), workflows: [])
        func stale(_ reason: StaleReason, key: APIKey?) -> AccountRun {
            var plan = account.plan
            plan.refusals.append(.stalePlan(reason))
            return AccountRun(config: config, key: key, report: AccountReport(configPath: account.config, owner: account.owner, plan: plan, outcome: .refused))
        }
        if let reason = saved.configStaleness(of: account, now: configDigest) { return stale(reason, key: nil) }
        let (key, api, observed): (APIKey, any EndpointAPI, [ObservedEndpoint])
        switch await list(config) {
        case .ended(let run): return run
        case .listed(let k, let a, let o): (key, api, observed) = (k, a, o)
        }
        if let reason = account.staleness(account: key.fingerprint, endpoints: observed.digests) { return stale(reason, key: key) }
        let report = AccountReport(configPath: account.config, owner: account.owner, plan: account.plan, outcome: account.plan.isRefused ? .refused : .planned)
        var run = AccountRun(config: config, key: key, report: report)
        run.api = api
        run.observed = observed
        return run
    }
}

extension SavedAccount {
    /// The saved form of a planned account; `nil` for one that failed before planning.
    public init?(_ run: AccountRun) {
        guard let plan = run.report.plan, let key = run.key else { return nil }
        self.init(
            config: run.config.path, owner: run.config.stripe.owner, apiKeyEnv: run.config.stripe.apiKeyEnv,
            mode: run.config.stripe.mode, account: key.fingerprint,
            endpoints: run.observed.digests, plan: plan)
    }
}
