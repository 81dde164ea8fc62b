/// When and how long the client waits before trying a failed request again.
///
/// Retried: connection failures, drops and timeouts, 409, 429 and 5xx. Never retried:
/// any other 4xx (it would fail again), a cancelled task, and a POST without an
/// idempotency key (the first attempt may have been applied). `Stripe-Should-Retry:
/// true` forces a retry and `false` forbids one, as Stripe's SDKs honour it.
/// `Retry-After` (seconds) lengthens the wait when it asks for more than the backoff.
/// Every retry stays within ``maxRetries`` and ``maxTotalTime``.
public struct RetryPolicy: Sendable, Equatable {
    /// How the backoff delay is randomised.
    public enum Jitter: Sendable, Equatable {
        /// The delay is uniform in `[0, d]`.
        case full
        /// The delay is uniform in `[d/2, d]`, as stripe-python does.
        case equal
        /// The delay is exactly `d` (tests).
        case none
    }

    /// Retries after the first attempt; 0 disables retries.
    public var maxRetries: Int
    /// The delay before the first retry, before jitter.
    public var baseDelay: Duration
    /// The longest backoff delay, before jitter.
    public var maxDelay: Duration
    /// How the delay is randomised.
    public var jitter: Jitter
    /// No retry is started if waiting for it would end past this time since the first attempt.
    public var maxTotalTime: Duration
    /// How long one attempt may take.
    public var requestTimeout: Duration

    /// Creates a policy; the defaults are those of ``default``.
    public init(
        maxRetries: Int = 4, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(5),
        jitter: Jitter = .equal, maxTotalTime: Duration = .seconds(60), requestTimeout: Duration = .seconds(30)
    ) {
        self.maxRetries = max(0, maxRetries)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
        self.maxTotalTime = maxTotalTime
        self.requestTimeout = requestTimeout
    }

    /// 4 retries, 0.5 s doubling to 5 s with equal jitter, 60 s in all, 30 s per attempt.
    public static let `default` = RetryPolicy()

    /// One attempt only.
    public static let never = RetryPolicy(maxRetries: 0)

    /// The delay after the `failedAttempt`-th failure (1-based), before jitter:
    /// `baseDelay * 2^(failedAttempt - 1)`, at most `maxDelay`.
    ///
    /// With the defaults (base 0.5 s, cap 5 s) and equal jitter:
    ///
    /// | failed attempt | delay | with equal jitter | with full jitter |
    /// | --- | --- | --- | --- |
    /// | 1 | 0.5 s | 0.25 – 0.5 s | 0 – 0.5 s |
    /// | 2 | 1 s | 0.5 – 1 s | 0 – 1 s |
    /// | 3 | 2 s | 1 – 2 s | 0 – 2 s |
    /// | 4 | 4 s | 2 – 4 s | 0 – 4 s |
    /// | 5 and later | 5 s | 2.5 – 5 s | 0 – 5 s |
    ///
    /// The default 4 retries thus wait 3.75 – 7.5 s in all, well inside `maxTotalTime`.
    ///
    /// - Parameters:
    ///   - failedAttempt: how many attempts have failed, 1 for the first.
    ///   - random: a number in `[0, 1)` choosing where in the jitter range the delay falls.
    public func calculateBackoff(failedAttempt: Int, random: Double) -> Duration {
        let exponent = min(max(failedAttempt - 1, 0), 30)
        let undamped = baseDelay * (1 << exponent)
        let delay = min(undamped, maxDelay)
        let unit = min(max(random, 0), 1)
        return switch jitter {
        case .none: delay
        case .full: delay * unit
        case .equal: delay / 2 + (delay / 2) * unit
        }
    }
}
