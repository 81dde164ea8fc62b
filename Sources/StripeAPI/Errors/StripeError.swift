import Foundation

/// A request to Stripe that failed, with what Stripe said and what the user can do.
///
/// Every text field is redacted: no API key, `Authorization` header or `whsec_` secret
/// appears in it, even when a response body echoes one.
public struct StripeError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// What kind of failure this is.
    public var kind: StripeErrorKind
    /// What was attempted, e.g. `create webhook endpoint`.
    public var operation: String
    /// The HTTP status; `nil` when no response arrived.
    public var status: Int?
    /// Stripe's `error.type`, e.g. `invalid_request_error`.
    public var type: String?
    /// Stripe's `error.code`, e.g. `resource_missing`.
    public var code: String?
    /// Stripe's `error.message`, or a description of the fault when Stripe sent none.
    public var message: String
    /// Stripe's `error.param`: the parameter at fault.
    public var param: String?
    /// Stripe's `error.decline_code` (cards only; kept for completeness).
    public var declineCode: String?
    /// Stripe's `Request-Id` header, `req_...`, to quote to Stripe's support.
    public var requestId: String?
    /// How many attempts were made, retries included.
    public var attempts: Int
    /// The name of the environment variable the key came from, for the advice.
    public var keySource: String?
    /// Whether the request was a write (POST or DELETE), for the permission advice.
    public var isWrite: Bool

    /// Creates an error; text fields should already be redacted.
    public init(
        kind: StripeErrorKind, operation: String, status: Int? = nil, type: String? = nil, code: String? = nil,
        message: String, param: String? = nil, declineCode: String? = nil, requestId: String? = nil,
        attempts: Int = 1, keySource: String? = nil, isWrite: Bool = false
    ) {
        self.kind = kind
        self.operation = operation
        self.status = status
        self.type = type
        self.code = code
        self.message = message
        self.param = param
        self.declineCode = declineCode
        self.requestId = requestId
        self.attempts = attempts
        self.keySource = keySource
        self.isWrite = isWrite
    }

    /// The permission a restricted key needs for this request, as the Dashboard names it.
    public var requiredPermission: String {
        isWrite ? "Webhook Endpoints: Write" : "Webhook Endpoints: Read"
    }

    /// What the user can do about it, one sentence.
    public var advice: String {
        let keyName = keySource.map { "the API key in \($0)" } ?? "the API key"
        switch kind {
        case .authentication:
            return "\(keyName) was refused by Stripe: set it to a valid secret or restricted key (sk_... or rk_...) of this account"
        case .permission:
            return "\(keyName) lacks a permission: give the restricted key \"\(requiredPermission)\" in the Dashboard (Developers > API keys), or use a secret key"
        case .notFound:
            return "the endpoint is gone (deleted elsewhere?): run again to plan from what exists now"
        case .conflict:
            return "another request with the same idempotency key is in flight (a concurrent run?): run again when it is done"
        case .idempotency:
            return "the idempotency key was used before with other parameters (the account changed since planning?): run again to re-plan"
        case .rateLimited:
            return "Stripe kept rate-limiting after \(attempts) attempts: lower the concurrency or run again later"
        case .server:
            return "Stripe failed after \(attempts) attempts: run again later (see status.stripe.com)"
        case .network:
            return "no response after \(attempts) attempt\(attempts == 1 ? "" : "s"): check the network and --api-base / STRIPE_API_BASE, then run again"
        case .unexpectedResponse:
            return "this does not look like Stripe: check --api-base / STRIPE_API_BASE"
        default:
            return "fix the parameter Stripe names and run again"
        }
    }

    /// The whole message: what failed, what Stripe said, what to do, and the request id.
    public var description: String {
        var stripeSaid: [String] = []
        if let status { stripeSaid.append("HTTP \(status)") }
        if let type { stripeSaid.append(type) }
        if let code { stripeSaid.append(code) }
        if let declineCode { stripeSaid.append(declineCode) }
        var text = "\(operation) failed"
        if !stripeSaid.isEmpty { text += " (\(stripeSaid.joined(separator: ", ")))" }
        text += ": \(message)"
        if let param { text += " [param: \(param)]" }
        text += "; \(advice)"
        if let requestId { text += " (Stripe request id \(requestId))" }
        return text
    }

    /// The same as ``description``, for `localizedDescription`.
    public var errorDescription: String? { description }
}
