import Logging
import ReconcileCore

/// `--watch`: a controller that runs a tick every interval (jittered), reading the config
/// files again each time, until stopped. Time is `clock`'s, so tests run hours of ticks at once.
///
/// An invalid config read at a tick is reported (its diagnostics once, as long as they
/// stay the same; a warning every tick) and sends nothing: the tick applies the last
/// valid config instead. Every tick ends with one log line. Stopped between ticks, or
/// during a tick, the loop returns that tick's outcome.
public struct WatchLoop<C: Clock>: Sendable where C.Duration == Duration {
    public let clock: C
    public let jitter: TickJitter
    /// Numbers in `0..<1` for the jitter.
    public let random: @Sendable () -> Double
    public let stop: StopSwitch
    public let logger: Logger
    /// Reads and checks the config files again.
    public let reload: @Sendable () -> Result<[AccountConfig], ConfigErrors>
    /// Shows the diagnostics of an invalid config.
    public let report: @Sendable (ConfigErrors) -> Void
    /// One run over these configs.
    public let tick: @Sendable ([AccountConfig]) async throws -> TickOutcome
    /// Told of every tick's outcome (metrics, health).
    public let observe: @Sendable (TickOutcome) -> Void

    public init(
        clock: C, jitter: TickJitter, random: @escaping @Sendable () -> Double, stop: StopSwitch, logger: Logger,
        reload: @escaping @Sendable () -> Result<[AccountConfig], ConfigErrors>,
        report: @escaping @Sendable (ConfigErrors) -> Void,
        tick: @escaping @Sendable ([AccountConfig]) async throws -> TickOutcome,
        observe: @escaping @Sendable (TickOutcome) -> Void
    ) {
        self.clock = clock
        self.jitter = jitter
        self.random = random
        self.stop = stop
        self.logger = logger
        self.reload = reload
        self.report = report
        self.tick = tick
        self.observe = observe
    }

    /// Runs from `initial` (already loaded and valid) until stopped; returns the last
    /// tick's outcome.
    public func run(initial: [AccountConfig]) async throws -> TickOutcome {
        var valid = initial
        var previous: [AccountConfig]?
        var shownErrors: String?
        var number = 0
        while true {
            number += 1
            var configInvalid = false
            if number > 1 {
                switch reload() {
                case .success(let configs):
                    if shownErrors != nil { logger.notice("the config is valid again: applying it", metadata: ["tick": .stringConvertible(number)]) }
                    shownErrors = nil
                    valid = configs
                case .failure(let errors):
                    configInvalid = true
                    let text = errors.rendered()
                    if text != shownErrors { report(errors) }
                    shownErrors = text
                    logger.warning(
                        "the config is invalid (\(errors.diagnostics.count + errors.unshown) error(s)); nothing of it is sent: applying the last valid config until it is fixed",
                        metadata: ["tick": .stringConvertible(number)])
                }
            }
            let start = clock.now
            var outcome = try await tick(valid)
            outcome.configInvalid = configInvalid
            outcome.configChanged = previous != valid
            previous = valid
            log(outcome, number: number, duration: start.duration(to: clock.now))
            observe(outcome)
            // Stopped during the tick or between ticks, the controller ends as its last tick did.
            if await stop.wait(for: jitter.delay(random: random()), on: clock) { return outcome }
        }
    }

    /// A tick's one line: info when it was fine, a warning when an account failed or was
    /// refused, or the config is invalid.
    func log(_ outcome: TickOutcome, number: Int, duration: Duration) {
        let changes = outcome.report.summary.changes
        let fields: Logger.Metadata = [
            "tick": .stringConvertible(number),
            "accounts": .stringConvertible(outcome.report.accounts.count),
            "result": .string(outcome.result.rawValue),
            "changes": .stringConvertible(changes),
            "duration_ms": .stringConvertible(Int64(duration / .milliseconds(1))),
        ]
        switch outcome.result {
        case .success: logger.info("tick \(number): no changes", metadata: fields)
        case .changes:
            let verb = outcome.report.dryRun ? "planned" : "applied"
            logger.info("tick \(number): \(verb) \(changes) change\(changes == 1 ? "" : "s")", metadata: fields)
        case .failed, .refused, .invalidConfig: logger.warning("tick \(number): \(outcome.result.rawValue)", metadata: fields)
        }
    }
}
