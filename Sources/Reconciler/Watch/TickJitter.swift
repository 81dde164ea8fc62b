/// How long a controller waits between ticks: the interval, jittered so that many
/// replicas started together do not tick together (and hit Stripe in step).
public struct TickJitter: Sendable, Equatable {
    /// The interval asked for (`--interval`).
    public let interval: Duration
    /// The share of the interval a wait may differ by, either way: 0.1 for ±10 %.
    public let fraction: Double

    public init(interval: Duration, fraction: Double = 0.1) {
        precondition(fraction >= 0 && fraction < 1, "jitter is a share of the interval below 1")
        self.interval = interval
        self.fraction = fraction
    }

    /// The wait before the next tick for a `random` value in `0..<1` (injected, so tests
    /// choose it): 0 gives the interval less the fraction, 0.5 the interval itself, and
    /// values towards 1 the interval plus the fraction.
    public func delay(random: Double) -> Duration {
        let unit = min(max(random, 0), 1)
        let (seconds, attoseconds) = interval.components
        let nanoseconds = (Double(seconds) * 1e9 + Double(attoseconds) / 1e9) * (1 + fraction * (2 * unit - 1))
        // Whole microseconds: floating-point noise (66.00000000000001 s) means nothing here.
        return .microseconds(Int64((nanoseconds / 1000).rounded()))
    }
}
