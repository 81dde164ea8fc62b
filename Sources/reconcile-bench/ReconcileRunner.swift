import Foundation
import StripeEmulator

/// Runs the release `reconcile` binary over the workspace, timed, and reads what the
/// emulator saw.
struct ReconcileRunner {
    let binary: String
    let workspace: BenchWorkspace
    let emulator: BenchEmulator
    let concurrency: Int
    let rateLimit: Double?
    let burst: Int?

    /// Runs from empty accounts through `scenarios` (fresh always runs first, untimed
    /// when not asked for, since the others start from its result).
    func runScenarios(_ scenarios: [Scenario]) async throws -> [(Scenario, Measurement)] {
        emulator.emulator.reset()
        var results: [(Scenario, Measurement)] = []
        let fresh = try measure(.fresh)
        if scenarios.contains(.fresh) { results.append((.fresh, fresh)) }
        if scenarios.contains(.noop) {
            emulator.emulator.clearRequestLog()
            results.append((.noop, try measure(.noop)))
        }
        if scenarios.contains(.drift) {
            _ = try await emulator.drift(accounts: workspace.accounts)
            results.append((.drift, try measure(.drift)))
        }
        return results
    }

    /// One timed `reconcile --config FOLDER` run.
    func measure(_ scenario: Scenario) throws -> Measurement {
        emulator.emulator.clearRequestLog()
        var environment = ProcessInfo.processInfo.environment.merging(workspace.environment) { _, bench in bench }
        environment["STRIPE_API_BASE"] = emulator.address
        environment["NO_COLOR"] = "1"
        let process = ChildProcess(
            executable: binary,
            arguments: ["--config", workspace.configs.path, "--concurrency", String(concurrency)]
                + (rateLimit.map { ["--rate-limit", String($0)] } ?? [])
                + (burst.map { ["--burst", String($0)] } ?? []),
            environment: environment,
            stdoutPath: workspace.root.appendingPathComponent("\(scenario.rawValue).stdout").path,
            stderrPath: workspace.root.appendingPathComponent("\(scenario.rawValue).stderr").path)
        let result = try process.run()
        guard result.status == 0 else {
            let stderr = (try? String(contentsOf: workspace.root.appendingPathComponent("\(scenario.rawValue).stderr"), encoding: .utf8)) ?? ""
            throw BenchError("reconcile exited \(result.status) in the \(scenario.rawValue) run:\n\(stderr.suffix(2000))")
        }
        let counts = emulator.counts
        let writes = scenario.writesPerAccount(triggers: workspace.triggers)
        return Measurement(
            scenario: scenario, accounts: workspace.accounts, triggers: workspace.triggers, seconds: result.seconds,
            requests: counts.requests, rateLimited: counts.rateLimited, peakMemory: result.peakMemory,
            writesPerAccount: writes, expectedRequests: workspace.accounts * (1 + writes))
    }
}
