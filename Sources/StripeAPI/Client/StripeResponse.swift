/// A decoded response with what the headers said about it.
public struct StripeResponse<Value: Sendable>: Sendable {
    /// The decoded body.
    public var value: Value
    /// Stripe's `Request-Id`, `req_...`.
    public var requestId: String?
    /// Whether Stripe answered from an earlier request with the same idempotency key
    /// (`Idempotent-Replayed: true`): the write had already been applied, by an attempt
    /// whose response was lost or by another run that sent the same key.
    public var idempotentReplayed: Bool
    /// How many attempts it took, retries included.
    public var attempts: Int
}

extension StripeResponse: Equatable where Value: Equatable {}
