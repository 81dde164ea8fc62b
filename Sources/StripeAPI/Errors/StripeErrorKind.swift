/// What kind of failure a ``StripeError`` is, mostly decided by the HTTP status.
///
/// A struct wrapping a private code, so new kinds do not break callers; compare with
/// `==`, e.g. `error.kind == .notFound`.
public struct StripeErrorKind: Sendable, Hashable, CustomStringConvertible {
    private enum Code: String, Sendable, Hashable {
        case authentication, permission, invalidRequest, notFound, conflict, idempotency
        case rateLimited, server, network, unexpectedResponse
    }

    private let code: Code

    private init(_ code: Code) { self.code = code }

    /// 401: the key is missing, malformed, revoked or of another account.
    public static let authentication = StripeErrorKind(.authentication)
    /// 403: a restricted key without the permission the request needs.
    public static let permission = StripeErrorKind(.permission)
    /// 400 (and other 4xx): Stripe refused the parameters; retrying will not help.
    public static let invalidRequest = StripeErrorKind(.invalidRequest)
    /// 404: no such object (`resource_missing`).
    public static let notFound = StripeErrorKind(.notFound)
    /// 409: a concurrent request with the same idempotency key, or a conflicting change.
    public static let conflict = StripeErrorKind(.conflict)
    /// 400 `idempotency_error`: the key was used before with other parameters.
    public static let idempotency = StripeErrorKind(.idempotency)
    /// 429: too many requests.
    public static let rateLimited = StripeErrorKind(.rateLimited)
    /// 5xx: Stripe failed.
    public static let server = StripeErrorKind(.server)
    /// No complete response: connection refused or dropped, or a timeout.
    public static let network = StripeErrorKind(.network)
    /// A response that is not what Stripe sends: not JSON, truncated, HTML, or a shape
    /// the client cannot read (often a wrong `--api-base`).
    public static let unexpectedResponse = StripeErrorKind(.unexpectedResponse)

    /// The kind Stripe's status code implies.
    public init(status: Int, type: String?) {
        switch status {
        case 400 where type == "idempotency_error": self = .idempotency
        case 401: self = .authentication
        case 403: self = .permission
        case 404: self = .notFound
        case 409: self = .conflict
        case 429: self = .rateLimited
        case 500...599: self = .server
        default: self = .invalidRequest
        }
    }

    /// The kind's name, e.g. `rateLimited`.
    public var description: String { code.rawValue }
}
