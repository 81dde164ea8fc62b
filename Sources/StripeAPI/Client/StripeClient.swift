import Foundation

/// A client for Stripe's webhook endpoints API: one account, one key.
///
/// Requests carry `Authorization: Bearer`, a pinned `Stripe-Version` and form bodies as
/// Stripe's SDKs send them; failures are retried as ``RetryPolicy`` allows and paced by
/// a ``RateLimiter``; what cannot be retried is thrown as a ``StripeError`` (or a
/// `CancellationError` when the task is cancelled). Copies share counters and limiter.
public struct StripeClient: Sendable, CustomReflectable {
    /// The API version every request is pinned to, the newest in Stripe's spec.
    ///
    /// Pinned so that the shape of responses does not follow the account's default
    /// version, which its owner may change at any time in the Dashboard. It shapes only
    /// this client's requests and responses: the version events are rendered with is the
    /// endpoint's own `api_version`, which the header does not set.
    public static let pinnedAPIVersion = "2026-10-28.endive"

    /// The `User-Agent` sent with every request.
    public static let userAgent = "reconcile/\(ToolVersion.number)"

    /// The base URL, e.g. `https://api.stripe.com`.
    public let apiBase: URL
    /// The `Stripe-Version` sent.
    public let apiVersion: String
    /// The retry policy, per-request timeout included.
    public let retryPolicy: RetryPolicy
    /// The name of the environment variable the key came from, for error messages.
    public let keySource: String?
    /// Whether the key is a live-mode key (`sk_live_`, `rk_live_`).
    public let isLiveMode: Bool

    private let apiKey: String
    let transport: any HTTPTransport
    let clock: any ClientClock
    let random: @Sendable () -> Double
    let rateLimiter: RateLimiter?
    let recorder = MetricsRecorder()
    let onRequest: (@Sendable (StripeRequestEvent) -> Void)?
    let redactor: SecretRedactor

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - apiKey: a secret (`sk_`) or restricted (`rk_`) key; never shown anywhere.
    ///   - apiBase: Stripe or an emulator; validate user input with ``APIBase/parse(_:)``.
    ///   - transport: how requests are sent; share one ``HTTPClientTransport`` per run.
    ///   - apiVersion: the `Stripe-Version` header.
    ///   - keySource: the environment variable holding the key, named in a 401's advice.
    ///   - retry: when to retry and how long to wait.
    ///   - requestsPerSecond: the client-side rate limit; `nil` for
    ///     ``RateLimiter/defaultRate(forKey:)`` (just under Stripe's 25/s test, 100/s live),
    ///     `0` for none. Ignored when `rateLimiter` is given.
    ///   - rateLimiter: a limiter shared with other clients of the same account (several
    ///     config files may use one key), instead of one of this client's own.
    ///   - clock: the time to read and sleep on.
    ///   - random: numbers in `[0, 1)` for the backoff jitter.
    ///   - onRequest: called after every attempt, e.g. to log retries.
    public init(
        apiKey: String,
        apiBase: URL = APIBase.stripe,
        transport: any HTTPTransport,
        apiVersion: String = StripeClient.pinnedAPIVersion,
        keySource: String? = nil,
        retry: RetryPolicy = .default,
        requestsPerSecond: Double? = nil,
        rateLimiter: RateLimiter? = nil,
        clock: any ClientClock = SystemClock(),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        onRequest: (@Sendable (StripeRequestEvent) -> Void)? = nil
    ) {
        self.apiKey = apiKey
        self.apiBase = apiBase
        self.transport = transport
        self.apiVersion = apiVersion
        self.keySource = keySource
        self.retryPolicy = retry
        self.clock = clock
        self.random = random
        self.onRequest = onRequest
        self.isLiveMode = apiKey.hasPrefix("sk_live_") || apiKey.hasPrefix("rk_live_")
        self.redactor = SecretRedactor(literals: [apiKey])
        if let rateLimiter {
            self.rateLimiter = rateLimiter
        } else {
            let rate = requestsPerSecond ?? RateLimiter.defaultRate(forKey: apiKey)
            self.rateLimiter = rate > 0 && rate.isFinite ? RateLimiter(ratePerSecond: rate, clock: clock) : nil
        }
    }

    /// What this client (and its copies) has sent so far.
    public var metrics: StripeClientMetrics {
        recorder.snapshot
    }

    /// The fields `print` and `dump` show: everything but the key.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "apiBase": apiBase, "apiVersion": apiVersion, "keySource": keySource as Any,
            "isLiveMode": isLiveMode, "retryPolicy": retryPolicy,
        ], displayStyle: .struct)
    }

    /// The headers of every request.
    func headers(for request: StripeRequest) -> [String: String] {
        var headers = [
            "Authorization": "Bearer \(apiKey)",
            "Stripe-Version": apiVersion,
            "User-Agent": Self.userAgent,
            "Accept": "application/json",
        ]
        if request.form != nil {
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        }
        if let idempotencyKey = request.idempotencyKey {
            headers["Idempotency-Key"] = idempotencyKey
        }
        return headers
    }
}
