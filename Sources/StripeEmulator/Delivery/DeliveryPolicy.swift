/// How hard a delivery tries: attempts, the time one may take, and the backoff between them.
///
/// Stripe retries for three days; a developer's handler is on this machine, so the
/// defaults are quick. With the defaults, attempts start after:
///
/// | attempt | delay before it | since the first (plus the attempts' own time) |
/// | --- | --- | --- |
/// | 1 | 0 | 0 |
/// | 2 | 0.25 s | 0.25 s |
/// | 3 | 0.5 s | 0.75 s |
/// | 4 | 1 s | 1.75 s |
public struct DeliveryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included (at least 1).
    public var maxAttempts: Int
    /// How long one attempt may take, connecting included, before it counts as failed.
    public var timeout: Duration
    /// The delay before the second attempt; it doubles for each later one.
    public var baseDelay: Duration
    /// The longest delay between two attempts.
    public var maxDelay: Duration

    /// Creates a policy; `maxAttempts` below 1 is read as 1.
    public init(maxAttempts: Int = 4, timeout: Duration = .seconds(5), baseDelay: Duration = .milliseconds(250),
                maxDelay: Duration = .seconds(2)) {
        self.maxAttempts = max(1, maxAttempts)
        self.timeout = timeout
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The defaults, for a handler on this machine.
    public static let local = DeliveryPolicy()

    /// The wait before attempt `attempt` (1-based): none before the first.
    public func delay(beforeAttempt attempt: Int) -> Duration {
        guard attempt > 1 else { return .zero }
        var delay = baseDelay
        for _ in 2..<attempt where delay < maxDelay { delay *= 2 }
        return min(delay, maxDelay)
    }

    /// The longest a delivery can take: every attempt timing out, every delay waited.
    public var worstCase: Duration {
        (1...maxAttempts).reduce(.zero) { $0 + timeout + delay(beforeAttempt: $1) }
    }
}
