import ArgumentParser
import Foundation
import ReconcileCore
import Reconciler
import StripeAPI

/// `reconcile [--dry-run]`: list every account's endpoints, plan, print the plan and
/// apply it.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Plan and apply: make Stripe match the config (the default command)."
    )

    @OptionGroup var config: ConfigOptions
    @OptionGroup var stripe: StripeOptions
    @OptionGroup(title: "Retries") var retry: RetryOptions

    @Option(help: ArgumentHelp("Only triggers whose key (WORKFLOW/EVENT) starts with KEY (repeatable).", valueName: "KEY"))
    var target: [String] = []

    @Flag(help: "Plan only; send no write.")
    var dryRun = false

    @Flag(help: "Exit 2 when the plan has changes (pending with --dry-run, applied without).")
    var detailedExitcode = false

    @Option(help: "Plan format on stdout: text, json or markdown.")
    var output: OutputFormat = .text

    @Option(help: ArgumentHelp("Write the signing secret of every endpoint created to FILE (JSON, mode 0600, merged).", valueName: "FILE"))
    var secretsOut: String?

    @Option(help: ArgumentHelp("Refuse a plan deleting more endpoints of undeclared triggers than N (default: the larger of 3 and half the managed endpoints).", valueName: "N"))
    var maxDeletes: Int?

    @Flag(help: "Allow any number of deletes of endpoints whose trigger is no longer declared.")
    var allowDeletes = false

    @Flag(help: "Allow replacing endpoints whose api_version or connect changed (they get new signing secrets).")
    var allowReplace = false

    @Option(help: ArgumentHelp("Requests in flight at once, across all accounts (twice as many accounts run side by side).", valueName: "N"))
    var concurrency = 64

    @Option(help: ArgumentHelp("Requests per second per account (default: 22.5 for test keys, 90 for live, just under Stripe's 25 and 100); 0 for no limit.", valueName: "N"))
    var rateLimit: Double?

    @Flag(help: "Keep reconciling every --interval seconds, as a controller does; Ctrl-C or SIGTERM stops.")
    var watch = false

    @Option(help: ArgumentHelp("Seconds between runs with --watch (default 60).", valueName: "SECONDS"))
    var interval: Double?

    /// The most requests in flight `--concurrency` allows: far past what one host serves
    /// a client, and small enough that no count derived from it overflows.
    static let maxConcurrency = 1_000
    /// The slowest `--rate-limit` other than 0 (none): one request every 100 s.
    static let minRateLimit = 0.01
    /// The longest `--interval`: a week.
    static let maxInterval = 604_800.0

    func validate() throws {
        if let maxDeletes, maxDeletes < 0 { throw ValidationError("--max-deletes must be 0 or more, got \(maxDeletes).") }
        if !(1...Self.maxConcurrency).contains(concurrency) {
            throw ValidationError("--concurrency must be between 1 and \(Self.maxConcurrency), got \(concurrency).")
        }
        if let rateLimit, !(rateLimit == 0 || (rateLimit >= Self.minRateLimit && rateLimit.isFinite)) {
            throw ValidationError("--rate-limit must be 0 (no limit) or at least \(Self.minRateLimit) requests per second, got \(rateLimit).")
        }
        if let interval, !(interval > 0 && interval <= Self.maxInterval) {
            throw ValidationError("--interval must be a number of seconds above 0 and at most \(Int(Self.maxInterval)) (a week), got \(interval).")
        }
        if interval != nil, !watch { throw ValidationError("--interval goes with --watch.") }
    }

    /// How long requests in flight may finish after Ctrl-C or SIGTERM before they are abandoned.
    static let stopGrace: Duration = .seconds(5)

    func run() async throws {
        let configs = try config.load()
        let options = PlanOptions(maxDeletes: maxDeletes, allowDeletes: allowDeletes, allowReplace: allowReplace, targets: target)
        let stop = StopSwitch()
        let connection = try stripe.connection(concurrency: concurrency, rateLimit: rateLimit, retry: retry.policy, stop: stop)
        try connection.checkKeysInTransit(StripeConnection.keys(of: configs, in: stripe.environment(for: configs)))
        let trap = await SignalTrap { name in
            stop.stop(reason: name)
            Terminal.line("reconcile: \(name): starting no new write; the requests in flight get \(Self.stopGrace) to finish (again to quit at once)")
        }
        let work = Task { try await runUntilStopped(configs: configs, options: options, connection: connection, stop: stop) }
        // A stopped run waits for its requests in flight only so long, then abandons them.
        let deadline = Task {
            while !stop.isStopped { try await Task.sleep(for: .milliseconds(50)) }
            try await Task.sleep(for: Self.stopGrace)
            work.cancel()
        }
        defer { deadline.cancel() }
        let code = try await work.value
        withExtendedLifetime(trap) {}
        throw ExitCode(code)
    }

    /// Runs once, or with `--watch` until stopped; returns the exit code.
    func runUntilStopped(configs: [AccountConfig], options: PlanOptions, connection: StripeConnection, stop: StopSwitch) async throws -> Int32 {
        while true {
            let code = try await runOnce(configs: configs, options: options, connection: connection, stop: stop)
            // A run cut short by a signal failed, whatever it managed before.
            if stop.isStopped { return Exit.failed.rawValue }
            // A controller keeps going after a failed run: the next one repairs it.
            guard watch else { return code }
            let next = ContinuousClock.now + .seconds(interval ?? 60)
            while ContinuousClock.now < next {
                // Stopped between runs, the controller ends as its last run did.
                if stop.isStopped { return code }
                try await Task.sleep(for: min(.milliseconds(100), next - ContinuousClock.now))
            }
        }
    }

    /// One reconcile of every account; returns the exit code.
    func runOnce(configs: [AccountConfig], options: PlanOptions, connection: StripeConnection, stop: StopSwitch) async throws -> Int32 {
        let secrets = try secretsOut.map { path in
            do { return try SecretsFile(path: path) } catch {
                Terminal.error("\(error)")
                throw Exit.failed
            }
        }
        let progress = ProgressPrinter(accounts: configs.count, dryRun: dryRun)
        let engine = Reconciliation(
            // Twice as many accounts as requests in flight: enough to keep every slot of the
            // gate busy while accounts wait for their rate limit, few enough that a thousand
            // accounts' requests are not all built and queued at once (memory).
            options: options, concurrency: concurrency * 2, environment: stripe.environment(for: configs),
            secrets: secrets, connect: connection.api(config:key:),
            progress: progress.report
        )
        let planned = await engine.plan(configs)
        if let secrets { await warnOfMissingSecrets(planned.compactMap(\.report.plan), secrets) }
        let plan = RunReport(dryRun: true, accounts: planned.map(\.report))
        if dryRun {
            print(render(plan), terminator: "")
            return plan.exitCode(detailed: detailedExitcode)
        }
        if output == .text { print(render(plan), terminator: "") }
        let applied = await engine.apply(planned)
        let report = RunReport(dryRun: false, accounts: applied.map(\.report))
        try connection.save()
        switch output {
        case .text: print(TextRenderer(colors: Terminal.colorsOnStdout).renderResults(report), terminator: "")
        case .json, .markdown: print(render(report), terminator: "")
        }
        return report.exitCode(detailed: detailedExitcode)
    }

    /// Says which kept endpoints have no secret in `--secrets-out`; none is rotated for it.
    func warnOfMissingSecrets(_ plans: [Plan], _ secrets: SecretsFile) async {
        for plan in plans {
            for (trigger, id) in await secrets.missing(in: plan) {
                Terminal.line("warning: \(plan.config): \(secretsOut ?? "the secrets file") holds no signing secret for \(trigger) (\(id)); Stripe returns it only to the request that created the endpoint, so reconcile cannot fetch it: reveal it in the Dashboard (Webhooks → the endpoint → Signing secret), or rotate it deliberately by deleting the endpoint and running again")
            }
        }
    }

    func render(_ report: RunReport) -> String {
        switch output {
        case .text: TextRenderer(colors: Terminal.colorsOnStdout).render(report)
        case .json: JSONRenderer.render(report)
        case .markdown: MarkdownRenderer.render(report)
        }
    }
}

/// The plan formats of `--output`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}
