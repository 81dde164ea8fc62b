import ArgumentParser
import Foundation

/// `reconcile-bench`: times the release `reconcile` binary over many accounts against an
/// in-process emulator with latency and Stripe's rate limits, and compares each run with
/// the least time its work could take.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile-bench",
        abstract: "Benchmark reconcile over many accounts against a rate-limited emulator with latency."
    )

    @Option(help: "Accounts (one config file each).")
    var accounts = 200

    @Option(help: "Triggers per account.")
    var triggers = 16

    @Option(help: "Latency the emulator adds to every response, in ms.")
    var latencyMs = 50

    @Option(help: "all, fresh, noop or drift.")
    var scenario: Scenario = .all

    @Option(help: "--concurrency passed to reconcile (its requests in flight).")
    var concurrency = 64

    @Option(help: "--rate-limit passed to reconcile (requests/s per account; default: reconcile's own).")
    var rateLimit: Double?

    @Option(help: "--burst passed to reconcile (the rate limiter's bucket; 1 paces evenly from the first request, as before bursts).")
    var burst: Int?

    @Option(help: "Times each scenario runs; the median is reported.")
    var runs = 1

    @Option(help: "Files for the `reconcile validate` timing (0 skips it).")
    var validateFiles = 1000

    @Option(help: "Accounts the official-SDK baseline creates (0 skips it); its time is scaled to --accounts.")
    var sdkAccounts = 0

    @Option(help: "Requests for the emulator throughput probe (0 skips it).")
    var throughputRequests = 20000

    @Option(help: "The reconcile binary (default: the one next to this program).")
    var reconcile: String?

    /// Stripe's test-mode limit, which the bench's keys are under.
    static let stripeRate = 25.0

    func validate() throws {
        guard accounts > 0, triggers > 0, triggers <= 16 else { throw ValidationError("--accounts must be positive and --triggers 1...16.") }
        guard runs > 0, concurrency > 0, latencyMs >= 0 else { throw ValidationError("--runs and --concurrency must be positive, --latency-ms not negative.") }
    }

    func run() async throws {
        let binary = try reconcilePath()
        let emulator = try await BenchEmulator.start(latencyMs: latencyMs)
        let workspace = try BenchWorkspace(accounts: accounts, triggers: triggers)
        defer { workspace.remove() }
        let runner = ReconcileRunner(binary: binary, workspace: workspace, emulator: emulator, concurrency: concurrency, rateLimit: rateLimit, burst: burst)
        print(Machine.describe())
        print("reconcile-bench: \(accounts) accounts × \(triggers) triggers, latency \(latencyMs) ms, emulator rate limit 25/s per account, --concurrency \(concurrency)\(rateLimit.map { ", --rate-limit \($0)" } ?? "")\(burst.map { ", --burst \($0)" } ?? ""), \(runs) run(s) each, median shown")
        print(LowerBound.formula + "  (rate = \(Int(Self.stripeRate))/s, Stripe's test-mode limit)")
        print("")
        print(Measurement.header)

        var results: [Scenario: [Measurement]] = [:]
        for _ in 0..<runs {
            for (scenario, measurement) in try await runner.runScenarios(scenario.included) {
                results[scenario, default: []].append(measurement)
            }
        }
        var freshSeconds: Double?
        for scenario in Scenario.ordered where results[scenario] != nil {
            let median = Measurement.median(results[scenario]!)
            if scenario == .fresh { freshSeconds = median.seconds }
            print(median.row(latency: Double(latencyMs) / 1000, rate: Self.stripeRate, concurrency: concurrency))
        }
        let loading = try ValidateTiming(binary: binary, workspace: workspace, runs: 3).median().seconds
        print(String(format: "fixed cost in every run above: starting reconcile and reading and checking the %d files, %.2f s (`reconcile validate` of the folder)",
                     accounts, loading))
        if validateFiles > 0 {
            print("")
            print(try ValidateTiming.report(binary: binary, files: validateFiles, triggers: triggers, runs: max(runs, 3)))
        }
        if throughputRequests > 0 {
            print("")
            print(try await ServerThroughput(requests: throughputRequests, connections: 128).report())
        }
        if sdkAccounts > 0 {
            print("")
            let baseline = try SDKBaseline(emulator: emulator, accounts: min(sdkAccounts, accounts), triggers: triggers)
            print(try await baseline.report(scaledTo: accounts, reconcileSeconds: freshSeconds))
        }
    }

    private func reconcilePath() throws -> String {
        if let reconcile { return reconcile }
        let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let sibling = own.deletingLastPathComponent().appendingPathComponent("reconcile").path
        guard FileManager.default.isExecutableFile(atPath: sibling) else {
            throw BenchError("no reconcile binary at \(sibling): run `swift build -c release` first, or pass --reconcile PATH")
        }
        return sibling
    }
}
