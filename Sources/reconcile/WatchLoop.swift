import ArgumentParser
import Foundation
import Logging
import ReconcileCore
import Reconciler

/// `--watch`: a controller that runs a tick every interval (jittered), reading the config
/// files again each time, until stopped.
///
/// An invalid config read at a tick is reported (its diagnostics once, as long as they
/// stay the same; a warning every tick) and sends nothing: the tick applies the last
/// valid config instead. Stopped between ticks, or during a tick that left no write
/// undone, the loop ends with its last tick's code (0 when it was fine); a tick cut
/// short with writes undone reports them as failed, so its code is 1.
struct WatchLoop: Sendable {
    let jitter: TickJitter
    /// Numbers in `0..<1` for the jitter.
    let random: @Sendable () -> Double
    let stop: StopSwitch
    let logger: Logger
    /// Reads and checks the config files again.
    let reload: @Sendable () -> Result<[AccountConfig], ConfigErrors>
    /// Prints diagnostics of an invalid config.
    let report: @Sendable (ConfigErrors) -> Void
    /// One run over `configs`; the tick's number is given for the logs.
    let tick: @Sendable (_ configs: [AccountConfig], _ number: Int) async throws -> TickOutcome
    /// Told of every tick's outcome (metrics, health).
    let observe: @Sendable (TickOutcome) -> Void

    /// Runs from `initial` (already loaded and valid) until stopped; returns the exit code.
    func run(initial: [AccountConfig]) async throws -> Int32 {
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
            var outcome = try await tick(valid, number)
            outcome.configInvalid = configInvalid
            outcome.configChanged = previous != valid
            previous = valid
            // The broken config is the operator's to fix, whatever the last valid one did.
            if configInvalid, outcome.code == 0 || outcome.code == 2 { outcome.code = Exit.invalidConfig.rawValue }
            observe(outcome)
            if stop.isStopped { return outcome.code }
            let next = ContinuousClock.now + jitter.delay(random: random())
            while ContinuousClock.now < next {
                // Stopped between ticks, the controller ends as its last tick did.
                if stop.isStopped { return outcome.code }
                try await Task.sleep(for: min(.milliseconds(100), next - ContinuousClock.now))
            }
        }
    }
}
