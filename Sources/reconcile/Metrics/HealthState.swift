import Foundation
import Reconciler

/// When the last tick succeeded, read by `/healthz`.
final class HealthState: @unchecked Sendable {
    private let lock = NSLock()
    private var lastSuccess: ContinuousClock.Instant?
    let rule: HealthRule

    init(rule: HealthRule) {
        self.rule = rule
    }

    func record(_ outcome: TickOutcome, at now: ContinuousClock.Instant = .now) {
        guard outcome.succeeded else { return }
        lock.withLock { lastSuccess = now }
    }

    func isHealthy(now: ContinuousClock.Instant = .now) -> Bool {
        rule.isHealthy(lastSuccess: lock.withLock { lastSuccess }, now: now)
    }
}
