import StripeEmulator

/// One line per delivery for `reconcile trigger`: what, where, how it ended, how hard it tried.
enum DeliveryLine {
    /// `sync-customers/customer.updated → http://localhost:4242/hook: 200, 1 attempt, 3 ms`
    static func render(_ delivery: Delivery) -> String {
        let outcome = delivery.status.map(String.init) ?? delivery.error ?? "failed"
        let count = delivery.attempts.count
        return "\(delivery.name) → \(delivery.url): \(outcome), \(count) attempt\(count == 1 ? "" : "s"), \(delivery.durationMs) ms"
    }
}
