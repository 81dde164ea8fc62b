/// A token bucket shared by every request of one client, so a healthy run stays under
/// Stripe's per-account limit (25 requests/s in test mode, 100/s in live) and never
/// meets a 429.
///
/// The bucket holds `burst` tokens and starts full, so a fresh account sends its first
/// `burst` requests at once; it refills at `ratePerSecond`. Callers take a token with
/// ``acquire()``; when the bucket is empty each caller is given the next free slot in
/// turn and waits for it, so waiters are served in order. When Stripe answers 429 anyway
/// (its window is stricter than we thought, or another client shares the account),
/// ``slowDown()`` halves the rate and the bucket for the rest of the run.
public actor RateLimiter {
    private var interval: Duration
    private var burst: Int
    private let clock: any ClientClock
    // When the last slowDown() took effect: 429s for requests sent before it are one event.
    private var lastSlowDown: Duration?
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
        self.ratePerSecond = ratePerSecond
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

    /// The bucket for `ratePerSecond`: one second's worth of tokens, at least 1 (22 at the
    /// default 22.5/s of a test key, 90 at 90/s for a live one).
    public static func defaultBurst(forRate ratePerSecond: Double) -> Int {
        max(1, Int(ratePerSecond.rounded(.down)))
    }

    /// The current rate, in requests per second.
    public private(set) var ratePerSecond: Double

    /// The current bucket size.
    public var capacity: Int { burst }

    /// After a 429: halves the rate and the bucket (at least 1 token) and returns the new
    /// rate, or returns nil when a halving took effect less than a second ago. Requests
    /// already in flight meet the same full window, so their 429s count as one.
    public func slowDown() -> Double? {
        let now = clock.now()
        if let lastSlowDown, now - lastSlowDown < .seconds(1) { return nil }
        lastSlowDown = now
        ratePerSecond /= 2
        interval = interval * 2
        burst = max(1, burst / 2)
        // The tokens left go with the bucket: no burst right after a 429.
        theoreticalArrival = max(theoreticalArrival, now + interval)
        return ratePerSecond
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
