/// One attempt of a request, as reported to a client's `onRequest` observer after it ends.
public struct StripeRequestEvent: Sendable, Equatable {
    /// The HTTP method.
    public var method: String
    /// The path, without the query, e.g. `/v1/webhook_endpoints/we_123`.
    public var path: String
    /// 1 for the first attempt, 2 for the first retry, ...
    public var attempt: Int
    /// The status received; `nil` when no response arrived.
    public var status: Int?
    /// The network fault, when no response arrived.
    public var transportError: TransportError?
    /// Whether Stripe replayed an earlier response for the idempotency key.
    public var replayed: Bool
    /// The wait before the next attempt, when one follows.
    public var retryAfter: Duration?
    /// How long the attempt took, rate-limit wait excluded.
    public var duration: Duration
    /// Stripe's `Request-Id` header, redacted, when a response arrived with one.
    public var requestId: String? = nil
    /// The account's new rate (requests per second) when this attempt's 429 halved it.
    public var slowedToRate: Double? = nil
}
