import Foundation
import Synchronization

/// Counts of what a client sent, for the run's summary and for benchmarks.
public struct StripeClientMetrics: Sendable, Equatable {
    /// Attempts sent to the transport, retries included.
    public var requests = 0
    /// Attempts that were retries of a failed one.
    public var retries = 0
    /// 429 responses received.
    public var rateLimited = 0
    /// 5xx responses received.
    public var serverErrors = 0
    /// Attempts that got no complete response.
    public var networkErrors = 0
    /// Responses marked `Idempotent-Replayed: true`: a write Stripe had already applied.
    public var idempotentReplays = 0

    /// Creates zero counts.
    public init() {}
}

/// The client's shared, thread-safe counters; copies of a client share one recorder.
final class MetricsRecorder: Sendable {
    private let metrics = Mutex(StripeClientMetrics())

    var snapshot: StripeClientMetrics {
        metrics.withLock { $0 }
    }

    func update(_ change: (inout StripeClientMetrics) -> Void) {
        metrics.withLock { change(&$0) }
    }
}
