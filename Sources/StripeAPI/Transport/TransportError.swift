/// A request that got no complete HTTP response: the network faults a client may retry.
///
/// A struct wrapping a private code, as async-http-client's `HTTPClientError` does, so
/// that new faults can be added without breaking callers' exhaustive switches.
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case connectionFailed
        case connectionDropped
        case timedOut
        case cancelled
        case invalidRequest
    }

    private let code: Code
    /// What the underlying library said, for the message; never contains request headers.
    public let detail: String

    private init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    /// The connection could not be opened (refused, DNS, TLS handshake).
    public static func connectionFailed(_ detail: String = "") -> TransportError { .init(.connectionFailed, detail) }
    /// The connection broke before a whole response arrived; the server may have acted.
    public static func connectionDropped(_ detail: String = "") -> TransportError { .init(.connectionDropped, detail) }
    /// No response within the per-request timeout; the server may have acted.
    public static func timedOut(_ detail: String = "") -> TransportError { .init(.timedOut, detail) }
    /// The request was cancelled by its caller.
    public static func cancelled(_ detail: String = "") -> TransportError { .init(.cancelled, detail) }
    /// The request could not be sent at all (bad URL, unsupported scheme): retrying will not help.
    public static func invalidRequest(_ detail: String = "") -> TransportError { .init(.invalidRequest, detail) }

    /// Whether a retry may succeed: connection failures, drops and timeouts.
    public var isRetryable: Bool {
        switch code {
        case .connectionFailed, .connectionDropped, .timedOut: true
        case .cancelled, .invalidRequest: false
        }
    }

    /// Whether this is a cancellation rather than a fault.
    public var isCancellation: Bool { code == .cancelled }

    /// Two errors match when their kind matches, whatever the detail, so callers can
    /// write `error ~= .timedOut()`.
    public static func ~= (pattern: TransportError, value: any Error) -> Bool {
        (value as? TransportError)?.code == pattern.code
    }

    /// A short phrase such as `connection dropped (Empty reply from server)`.
    public var description: String {
        let phrase = switch code {
        case .connectionFailed: "connection failed"
        case .connectionDropped: "connection dropped before the response arrived"
        case .timedOut: "request timed out"
        case .cancelled: "request cancelled"
        case .invalidRequest: "request could not be sent"
        }
        return detail.isEmpty ? phrase : "\(phrase) (\(detail))"
    }
}
