/// A token bucket shared by every request of one client, so a healthy run stays under
/// Stripe's per-account limit (25 requests/s in test mode, 100/s in live) and never
/// meets a 429.
///
/// Callers take a token with ``acquire()``; when the bucket is empty each caller is
/// given the next free slot in turn and waits for it, so waiters are served in order
/// and never more than `ratePerSecond` a second, after an initial `burst`.
public actor RateLimiter {
    private let interval: Duration
    private let burst: Int
    private let clock: any ClientClock
    // GCRA's theoretical arrival time: when the bucket would be full again had every
    // token been taken at its slot. Each token taken moves it one interval on.
    private var theoreticalArrival: Duration

    /// Creates a limiter.
    ///
    /// - Parameters:
    ///   - ratePerSecond: tokens added per second; must be positive.
    ///   - burst: how many requests may go at once after a quiet spell; 1 spaces every
    ///     request evenly.
    ///   - clock: the time to read and wait on.
    public init(ratePerSecond: Double, burst: Int = 1, clock: any ClientClock = SystemClock()) {
        precondition(ratePerSecond > 0, "a rate limit must be positive")
        // At most a day between requests: a tiny rate must not overflow the interval.
        interval = .nanoseconds(Int64(min(1e9 / ratePerSecond, 86_400e9).rounded()))
        self.burst = max(1, burst)
        self.clock = clock
        theoreticalArrival = clock.now()
    }

    /// Stripe's documented limit for a key: 25 requests/s in test mode, 100/s in live mode.
    public static func stripeLimit(forKey apiKey: String) -> Double {
        apiKey.hasPrefix("sk_live_") || apiKey.hasPrefix("rk_live_") ? 100 : 25
    }

    /// The share of Stripe's limit a client uses by default.
    ///
    /// Requests leave evenly spaced but reach Stripe with network jitter: at exactly the
    /// limit, two arriving a little closer than they left can put a one-second window one
    /// over and earn a 429. A 10% margin absorbs 100 ms of jitter at 25/s.
    public static let defaultShare = 0.9

    /// The default rate for a key: ``defaultShare`` of ``stripeLimit(forKey:)``, so 22.5/s
    /// in test mode and 90/s in live mode.
    public static func defaultRate(forKey apiKey: String) -> Double {
        stripeLimit(forKey: apiKey) * defaultShare
    }

    /// Waits until a request may be sent and takes its token.
    ///
    /// - Throws: `CancellationError` if the task is cancelled while waiting; the token
    ///   is then lost, which only slows later callers a little.
    public func acquire() async throws {
        try Task.checkCancellation()
        let now = clock.now()
        // Tokens do not pile up past the burst while nobody asks.
        theoreticalArrival = max(theoreticalArrival, now)
        let allowedAt = theoreticalArrival - interval * (burst - 1)
        theoreticalArrival += interval
        let wait = allowedAt - now
        if wait > .zero {
            try await clock.sleep(for: wait)
        }
    }
}
