import ArgumentParser
import Foundation
import ReconcileCore
import Reconciler

/// Saved plans: `--dry-run --plan-out FILE` writes one, `--plan FILE` applies it.
extension ApplyCommand {
    func validateSavedPlanOptions() throws {
        if planOut != nil, !dryRun {
            throw ValidationError("--plan-out saves a plan without applying it: add --dry-run, then apply the file with --plan FILE.")
        }
        guard savedPlan != nil else { return }
        if planOut != nil { throw ValidationError("--plan applies a saved plan and --plan-out saves a new one: pass one.") }
        // The saved plan was shaped by these when it was made; applying it cannot change it.
        let shaping: [(String, Bool)] = [
            ("--config", !config.paths.isEmpty), ("--target", !target.isEmpty), ("--max-deletes", maxDeletes != nil),
            ("--allow-deletes", allowDeletes), ("--allow-replace", allowReplace),
            ("--allow-unknown-events", config.allowUnknownEvents), ("--allow-unknown-api-versions", config.allowUnknownAPIVersions),
            ("--watch", watch), ("--shard", shard.shard != nil),
        ]
        let given = shaping.filter(\.1).map(\.0)
        if !given.isEmpty {
            throw ValidationError("--plan applies the plan as it was saved, from the config files it names; \(given.joined(separator: ", ")) shape\(given.count == 1 ? "s" : "") a plan: pass \(given.count == 1 ? "it" : "them") to the `\(OptionSpelling.commandLine(.savePlan))` run instead.")
        }
    }

    /// The configs to plan from (every file checked, then `shard`'s accounts kept), or the
    /// saved plan to check; exits 3 on an invalid config or an unusable plan file.
    func planSource(shard: Shard) throws -> PlanSource {
        guard let path = savedPlan else {
            let (configs, digests) = try config.loadWithDigests()
            return .config(shard.select(configs, key: ShardKey.init), digests: digests)
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            Report.refusal("\(path): cannot read the plan file: \((error as NSError).localizedDescription); write one with `reconcile --dry-run --plan-out \(path)`")
            throw Exit.invalidConfig
        }
        switch PlanFile.decode(data) {
        case .success(let plan): return .saved(plan, path: path)
        case .failure(let error):
            Report.refusal("\(path): \(error.message(spelling: .commandLine))")
            throw Exit.invalidConfig
        }
    }

    /// Writes the plan file unless an account failed before it could be planned; returns
    /// whether it was written (if not, the run failed: the error is said).
    func save(_ runs: [AccountRun], digests: [ConfigDigest], to path: String) -> Bool {
        let failed = runs.filter { $0.report.plan == nil }.map(\.report.configPath)
        guard failed.isEmpty else {
            Terminal.error("no plan was written to \(path): \(failed.joined(separator: ", ")) could not be planned (above); fix that and plan again")
            return false
        }
        let plan = SavedPlan(tool: ReconcileCommand.version, createdAt: Int(Date().timeIntervalSince1970),
                             configs: digests, accounts: runs.compactMap { SavedAccount($0) })
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try PlanFile.encode(plan).write(to: url, options: .atomic)
        } catch {
            Terminal.error("cannot write the plan to \(path): \((error as NSError).localizedDescription)")
            return false
        }
        Terminal.line("reconcile: plan saved to \(path); apply exactly this plan with `reconcile --plan \(path)`")
        return true
    }
}

/// Where a run's plans come from: the config files, or a plan saved earlier.
enum PlanSource {
    case config([AccountConfig], digests: [ConfigDigest])
    case saved(SavedPlan, path: String)

    /// The accounts, as far as listing them needs (the key's variable and mode).
    var configs: [AccountConfig] {
        switch self {
        case .config(let configs, _): configs
        case .saved(let plan, _):
            plan.accounts.map { AccountConfig(path: $0.config, stripe: StripeSettings(apiKeyEnv: $0.apiKeyEnv, owner: $0.owner, mode: $0.mode), workflows: []) }
        }
    }

    /// Lists every account and plans it, or checks the saved plan against it.
    func plan(with engine: Reconciliation) async -> [AccountRun] {
        switch self {
        case .config(let configs, _):
            return await engine.plan(configs)
        case .saved(let plan, _):
            var digests: [String: String] = [:]
            for config in plan.configs {
                if let data = try? Data(contentsOf: URL(fileURLWithPath: config.path)) { digests[config.path] = SHA256.hex(data) }
            }
            return await engine.check(plan, configDigests: digests)
        }
    }

    /// For a saved plan, says on stderr which accounts' plans are still current (a stale
    /// one is refused in the plan itself).
    func describeCurrency(of runs: [AccountRun]) {
        guard case .saved(let plan, let path) = self else { return }
        let made = Date(timeIntervalSince1970: TimeInterval(plan.createdAt)).formatted(.iso8601)
        for run in runs where run.report.outcome == .planned {
            Terminal.line("reconcile: \(path): the plan of \(run.report.configPath) (owner \(run.report.owner)) is current: the config file and the \(run.observed.count) endpoints listed are as when it was made (\(made), \(plan.tool))")
        }
    }
}
