/// A Stripe-shaped HTTP response: a status, headers and a JSON body.
public struct EmulatorResponse: Sendable, Equatable {
    /// The HTTP status code.
    public var status: Int
    /// Header fields (`Request-Id`, `Content-Type`, `Idempotent-Replayed`, ...).
    public var headers: [String: String]
    /// The JSON body.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body decoded as UTF-8, for tests and logs.
    public var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }
}
