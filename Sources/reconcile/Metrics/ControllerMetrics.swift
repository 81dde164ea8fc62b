import CoreMetrics
import Foundation
import ReconcileCore
import Reconciler
import StripeAPI

/// A controller's metrics, through swift-metrics with a factory passed in (Prometheus's
/// in `--metrics-port`; never installed process-wide).
final class ControllerMetrics: Sendable {
    private let factory: any MetricsFactory
    private let driftRepaired: CoreMetrics.Counter
    private let requestDuration: CoreMetrics.Timer
    private let lastSuccess: Gauge

    static let accountStates = ["ok", "failed", "refused"]

    init(factory: any MetricsFactory) {
        self.factory = factory
        driftRepaired = Counter(label: "reconcile_drift_repaired_total", factory: factory)
        requestDuration = Timer(label: "reconcile_request_duration_seconds", factory: factory)
        lastSuccess = Gauge(label: "reconcile_last_success_timestamp_seconds", factory: factory)
        // Every series exists from the start, at zero, so a rate() has a first sample.
        for result in TickResult.allCases { _ = Counter(label: "reconcile_ticks_total", dimensions: [("result", result.rawValue)], factory: factory) }
        for state in Self.accountStates { Gauge(label: "reconcile_accounts", dimensions: [("state", state)], factory: factory).record(0) }
    }

    /// Counts a tick: its result, the actions it applied, the accounts by state; drift
    /// repaired when the changes were made under an unchanged config.
    func record(_ outcome: TickOutcome, now: Date = Date()) {
        Counter(label: "reconcile_ticks_total", dimensions: [("result", outcome.result.rawValue)], factory: factory).increment()
        let report = outcome.report
        var applied = 0
        for account in report.accounts {
            guard let plan = account.plan, account.outcome == .applied else { continue }
            for planned in plan.actions where planned.isChange {
                Counter(label: "reconcile_actions_total", dimensions: [("action", planned.action.name)], factory: factory).increment()
                applied += 1
            }
        }
        if !outcome.configChanged, applied > 0 { driftRepaired.increment(by: applied) }
        var states = Dictionary(uniqueKeysWithValues: Self.accountStates.map { ($0, 0) })
        for account in report.accounts {
            switch account.outcome {
            case .failed: states["failed", default: 0] += 1
            case .refused: states["refused", default: 0] += 1
            case .applied, .planned: states["ok", default: 0] += 1
            }
        }
        for (state, count) in states { Gauge(label: "reconcile_accounts", dimensions: [("state", state)], factory: factory).record(count) }
        if outcome.succeeded { lastSuccess.record(now.timeIntervalSince1970) }
    }

    /// Counts one attempt of a request by status (`error` when no response came) and its duration.
    func record(_ event: StripeRequestEvent) {
        let status = event.status.map(String.init) ?? "error"
        Counter(label: "reconcile_requests_total", dimensions: [("status", status)], factory: factory).increment()
        requestDuration.recordNanoseconds(event.duration.components.seconds * 1_000_000_000 + event.duration.components.attoseconds / 1_000_000_000)
    }
}
