import Prometheus
import Reconciler

/// What `--metrics-port` watches: the metrics in their registry and the health state.
struct Observer: Sendable {
    let registry = PrometheusCollectorRegistry()
    let metrics: ControllerMetrics
    let health: HealthState

    init(interval: Duration) {
        metrics = ControllerMetrics(factory: PrometheusMetricsFactory(registry: registry))
        health = HealthState(rule: HealthRule(interval: interval))
    }

    func record(_ outcome: TickOutcome) {
        metrics.record(outcome)
        health.record(outcome)
    }
}
