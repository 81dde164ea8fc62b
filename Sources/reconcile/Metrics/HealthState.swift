import Foundation
import Reconciler
import Synchronization

/// When the last tick succeeded, read by `/healthz`.
final class HealthState: Sendable {
    private let lastSuccess = Mutex<ContinuousClock.Instant?>(nil)
    let rule: HealthRule

    init(rule: HealthRule) {
        self.rule = rule
    }

    func record(_ outcome: TickOutcome, at now: ContinuousClock.Instant = .now) {
        guard outcome.succeeded else { return }
        lastSuccess.withLock { $0 = now }
    }

    func isHealthy(now: ContinuousClock.Instant = .now) -> Bool {
        rule.isHealthy(lastSuccess: lastSuccess.withLock { $0 }, now: now)
    }
}
