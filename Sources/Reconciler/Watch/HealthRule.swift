/// When a controller is healthy: a tick succeeded within the last three intervals. One
/// failed tick is not enough to be restarted (Stripe had a bad minute); three in a row,
/// or a loop that stopped ticking, is.
public struct HealthRule: Sendable, Equatable {
    public let interval: Duration
    /// How many intervals may pass since the last success.
    public let intervals: Int

    public init(interval: Duration, intervals: Int = 3) {
        self.interval = interval
        self.intervals = intervals
    }

    /// Whether a controller whose last successful tick ended at `lastSuccess` (nil: none
    /// yet) is healthy at `now`.
    public func isHealthy(lastSuccess: ContinuousClock.Instant?, now: ContinuousClock.Instant) -> Bool {
        guard let lastSuccess else { return false }
        return now - lastSuccess <= interval * intervals
    }
}
