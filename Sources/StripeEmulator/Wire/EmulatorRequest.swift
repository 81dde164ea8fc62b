/// A Stripe-shaped HTTP request, as the emulator core sees it: no socket, no framework types.
public struct EmulatorRequest: Sendable {
    /// The HTTP method, upper case (`GET`, `POST`, `DELETE`, ...).
    public var method: String
    /// The path without the query, e.g. `/v1/webhook_endpoints/we_123`.
    public var path: String
    /// The raw query string without `?`; empty when there is none.
    public var query: String
    /// Header fields with lower-cased names.
    public var headers: [String: String]
    /// The raw body (form-encoded for Stripe's POSTs).
    public var body: [UInt8]

    /// Creates a request; header names are lower-cased here so callers need not care.
    public init(method: String, path: String, query: String = "", headers: [String: String] = [:], body: [UInt8] = []) {
        self.method = method.uppercased()
        self.path = path
        self.query = query
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        self.body = body
    }

    /// Creates a request from a target that may carry a query (`/v1/x?limit=2`) and a text body.
    public init(method: String, target: String, headers: [String: String] = [:], body: String = "") {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        self.init(
            method: method, path: String(parts[0]), query: parts.count > 1 ? String(parts[1]) : "",
            headers: headers, body: Array(body.utf8)
        )
    }

    /// The value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }
}
