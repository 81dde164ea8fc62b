import ArgumentParser
import Foundation
import Logging
import ReconcileCore
import Reconciler
import StripeAPI

/// `reconcile [--dry-run]`: list every account's endpoints, plan, print the plan and
/// apply it.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Plan and apply: make Stripe match the config (the default command).",
        discussion: ReconcileCommand.workflow
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

    @Option(help: ArgumentHelp("Run CMD (with sh -c) once per endpoint created, its {owner, trigger, endpoint_id, url, secret, created} as JSON on stdin only; a failure exits 1.", valueName: "CMD"))
    var secretsExec: String?

    @Option(help: ArgumentHelp("Seconds --secrets-exec may run per endpoint before it is stopped and counted as failed (default 30).", valueName: "SECONDS"))
    var secretsExecTimeout: Double?

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

    @Option(help: ArgumentHelp("Requests an account may send at once before --rate-limit paces it (default: one second's worth of the rate, at least 1).", valueName: "N"))
    var burst: Int?

    @Flag(help: "Keep reconciling every --interval seconds (±10 %), reading the config again each time, as a controller does; Ctrl-C or SIGTERM stops.")
    var watch = false

    @Option(help: ArgumentHelp("Seconds between runs with --watch (default 60).", valueName: "SECONDS"))
    var interval: Double?

    @Option(help: ArgumentHelp("With --dry-run: save the plan, and the digests of what it was computed from, to FILE for `reconcile --plan FILE`.", valueName: "FILE"))
    var planOut: String?

    @Option(name: .customLong("plan"), help: ArgumentHelp("Apply exactly the plan saved in FILE, if the config files and every account's endpoints are as they were planned (else exit 4); with --dry-run, show it and whether it is current.", valueName: "FILE"))
    var savedPlan: String?

    @Option(help: ArgumentHelp("With --watch: serve Prometheus metrics at /metrics and health at /healthz on this port (0 picks a free one).", valueName: "PORT"))
    var metricsPort: Int?

    @Option(help: ArgumentHelp("The address --metrics-port listens on (0.0.0.0 for a pod's probes).", valueName: "HOST"))
    var metricsHost = "127.0.0.1"

    @OptionGroup(title: "Shards") var shard: ShardOptions
    @OptionGroup(title: "Logs") var log: LogOptions

    /// The most requests in flight `--concurrency` allows: far past what one host serves
    /// a client, and small enough that no count derived from it overflows.
    static let maxConcurrency = 1_000
    /// The slowest `--rate-limit` other than 0 (none): one request every 100 s.
    static let minRateLimit = 0.01
    /// The longest `--interval`: a week.
    static let maxInterval = 604_800.0
    /// The largest `--burst`: far past Stripe's 100 requests a second for live keys.
    static let maxBurst = 10_000
    /// The longest `--secrets-exec-timeout`: an hour per endpoint.
    static let maxSecretsExecTimeout = 3_600.0

    func validate() throws {
        if let maxDeletes, maxDeletes < 0 { throw ValidationError("--max-deletes must be 0 or more, got \(maxDeletes).") }
        if !(1...Self.maxConcurrency).contains(concurrency) {
            throw ValidationError("--concurrency must be between 1 and \(Self.maxConcurrency), got \(concurrency).")
        }
        if let rateLimit, !(rateLimit == 0 || (rateLimit >= Self.minRateLimit && rateLimit.isFinite)) {
            throw ValidationError("--rate-limit must be 0 (no limit) or at least \(Self.minRateLimit) requests per second, got \(rateLimit).")
        }
        if let burst, !(1...Self.maxBurst).contains(burst) {
            throw ValidationError("--burst must be between 1 and \(Self.maxBurst) requests, got \(burst).")
        }
        if burst != nil, rateLimit == 0 { throw ValidationError("--burst sizes the rate limit's bucket, and --rate-limit 0 turns the limit off: pass one.") }
        if let interval, !(interval > 0 && interval <= Self.maxInterval) {
            throw ValidationError("--interval must be a number of seconds above 0 and at most \(Int(Self.maxInterval)) (a week), got \(interval).")
        }
        if interval != nil, !watch { throw ValidationError("--interval goes with --watch.") }
        if let secretsExecTimeout, !(secretsExecTimeout > 0 && secretsExecTimeout <= Self.maxSecretsExecTimeout) {
            throw ValidationError("--secrets-exec-timeout must be a number of seconds above 0 and at most \(Int(Self.maxSecretsExecTimeout)) (an hour), got \(secretsExecTimeout).")
        }
        if secretsExecTimeout != nil, secretsExec == nil { throw ValidationError("--secrets-exec-timeout goes with --secrets-exec.") }
        try validateSavedPlanOptions()
        if let metricsPort, !(0...65535).contains(metricsPort) { throw ValidationError("--metrics-port must be a port from 0 to 65535, got \(metricsPort).") }
        if metricsPort != nil, !watch { throw ValidationError("--metrics-port goes with --watch: a single run ends before anything could scrape it.") }
    }

    /// How long requests in flight may finish after Ctrl-C or SIGTERM before they are abandoned.
    static let stopGrace: Duration = .seconds(5)

    func run() async throws {
        let logger = log.makeLogger()
        // Every file is checked before any request, whichever shard this is.
        let shard = try self.shard.resolve()
        let source = try planSource(shard: shard)
        let options = PlanOptions(maxDeletes: maxDeletes, allowDeletes: allowDeletes, allowReplace: allowReplace, targets: target)
        let stop = StopSwitch()
        let observer = metricsPort.map { _ in Observer(interval: .seconds(interval ?? 60)) }
        let server = observer.map { observer in
            MetricsServer(host: metricsHost, port: metricsPort ?? 0, registry: observer.registry, health: observer.health)
                .start(logger: logger) { [metricsHost] port in
                    logger.info("serving metrics at http://\(metricsHost):\(port)/metrics and health at /healthz")
                }
        }
        defer { server?.cancel() }
        let connection = try stripe.connection(
            concurrency: concurrency, rateLimit: rateLimit, burst: burst, retry: retry.policy, stop: stop,
            onRequest: { config, event in
                RequestLog.record(event, account: config.path, logger: logger)
                observer?.metrics.record(event)
            })
        try connection.checkKeysInTransit(StripeConnection.keys(of: source.configs, in: stripe.environment(for: source.configs)))
        let trap = await SignalTrap { name in
            stop.stop(reason: name)
            logger.notice("\(name): starting no new write; the requests in flight get \(Self.stopGrace) to finish (again to quit at once)")
        }
        // A stopped run waits for its requests in flight only so long, then abandons them.
        let outcome = try await stop.run({
            try await runUntilStopped(source: source, shard: shard, options: options, connection: connection, stop: stop, logger: logger, observer: observer)
        }, grace: Self.stopGrace, clock: ContinuousClock())
        withExtendedLifetime(trap) {}
        throw Exit.code(for: outcome, detailed: detailedExitcode)
    }

    /// Runs once, or with `--watch` until stopped; returns the (last) run's outcome.
    func runUntilStopped(
        source: PlanSource, shard: Shard, options: PlanOptions, connection: StripeConnection, stop: StopSwitch, logger: Logger,
        observer: Observer?
    ) async throws -> TickOutcome {
        guard watch else {
            var outcome = try await runOnce(source: source, options: options, connection: connection, stop: stop, logger: logger, watching: false)
            // A run cut short by a signal failed, whatever it managed before.
            if stop.isStopped { outcome.run = .failed }
            return outcome
        }
        let config = self.config, format = log.logFormat, said = SaidOnce()
        let loop = WatchLoop(
            clock: ContinuousClock(),
            jitter: TickJitter(interval: .seconds(interval ?? 60)),
            random: { Double.random(in: 0..<1) },
            stop: stop, logger: logger,
            reload: { config.reload().map { shard.select($0, key: ShardKey.init) } },
            report: { errors in
                switch format {
                case .text: ConfigFiles.report(errors)
                case .json: logger.error("invalid config", metadata: ["errors": .string(errors.rendered())])
                }
            },
            tick: { configs in
                try await runOnce(source: .config(configs, digests: []), options: options, connection: connection, stop: stop, logger: logger, watching: true, said: said)
            },
            observe: { outcome in observer?.record(outcome) })
        return try await loop.run(initial: source.configs)
    }

    /// One reconcile of every account. A controller's tick (`watching`) with nothing to do
    /// prints nothing on stdout: the loop's log line says so.
    func runOnce(
        source: PlanSource, options: PlanOptions, connection: StripeConnection, stop: StopSwitch, logger: Logger, watching: Bool,
        said: SaidOnce = SaidOnce()
    ) async throws -> TickOutcome {
        let configs = source.configs
        let secrets = try secretsOut.map { path in
            do { return try SecretsFile(path: path) } catch {
                Terminal.error("\(error)")
                throw Exit.failed
            }
        }
        let engine = Reconciliation(
            // Twice as many accounts as requests in flight: enough to keep every slot of the
            // gate busy while accounts wait for their rate limit, few enough that a thousand
            // accounts' requests are not all built and queued at once (memory).
            options: options, concurrency: concurrency * 2, environment: stripe.environment(for: configs),
            secrets: secrets, secretsExec: secretsExec.map { SecretsExec(command: $0, timeout: .seconds(secretsExecTimeout ?? 30)) },
            connect: connection.api(config:key:),
            progress: progress(accounts: configs.count, logger: logger)
        )
        let planned = await source.plan(with: engine)
        if let secrets { await warnOfMissingSecrets(planned.compactMap(\.report.plan), secrets, logger: logger, said: said) }
        let plan = RunReport(dryRun: true, accounts: planned.map(\.report))
        let quiet = watching && plan.outcome == .unchanged
        if dryRun {
            if !quiet { printOut(render(plan)) }
            GitHubActions.current?.publish(plan)
            source.describeCurrency(of: planned)
            var outcome = TickOutcome(report: plan)
            if let planOut, case .config(_, let digests) = source, !save(planned, digests: digests, to: planOut) {
                outcome.run = .failed
            }
            return outcome
        }
        if output == .text, !quiet { printOut(render(plan)) }
        let applied = await engine.apply(planned)
        let report = RunReport(dryRun: false, accounts: applied.map(\.report))
        try connection.save()
        if !quiet {
            switch output {
            case .text: printOut(textRenderer.renderResults(report))
            case .json, .markdown: printOut(render(report))
            }
        }
        GitHubActions.current?.publish(report)
        return TickOutcome(report: report)
    }

    /// Where progress goes: for people on a terminal, the progress printer; for a
    /// controller or a log collector, log lines; with `--quiet`, nowhere.
    func progress(accounts: Int, logger: Logger) -> @Sendable (RunProgress) async -> Void {
        if watch || log.logFormat == .json { return ProgressLog(logger: logger).report }
        if log.quiet { return { _ in } }
        return ProgressPrinter(accounts: accounts, dryRun: dryRun).report
    }

    /// Prints to stdout and flushes: a controller's plan reaches its log at once, not when
    /// a buffer fills.
    func printOut(_ text: String) {
        print(text, terminator: "")
        fflush(nil)
    }

    /// Says which kept endpoints have no secret in `--secrets-out` (each once, however
    /// many ticks find it missing); none is rotated for it.
    func warnOfMissingSecrets(_ plans: [Plan], _ secrets: SecretsFile, logger: Logger, said: SaidOnce) async {
        for plan in plans {
            for (trigger, id) in await secrets.missing(in: plan) where said.isNew("\(plan.configPath) \(trigger) \(id)") {
                logger.warning("\(plan.configPath): \(secretsOut ?? "the secrets file") holds no signing secret for \(trigger) (\(id)); Stripe returns it only to the request that created the endpoint, so reconcile cannot fetch it: reveal it in the Dashboard (Webhooks → the endpoint → Signing secret), or rotate it deliberately by deleting the endpoint and running again")
            }
        }
    }

    /// The text plan on stdout: coloured when it is a terminal, with the flags as typed.
    var textRenderer: TextRenderer { TextRenderer(style: Terminal.stdoutStyle, spelling: .commandLine) }

    func render(_ report: RunReport) -> String {
        switch output {
        case .text: textRenderer.render(report)
        case .json: JSONRenderer.render(report, spelling: .commandLine)
        case .markdown: MarkdownRenderer.render(report, spelling: .commandLine)
        }
    }
}

/// The plan formats of `--output`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}
