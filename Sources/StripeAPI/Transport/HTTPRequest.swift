import Foundation

/// One HTTP request as the client hands it to a transport.
public struct HTTPRequest: Sendable, Equatable {
    /// The HTTP method, upper case: `GET`, `POST` or `DELETE`.
    public var method: String
    /// The absolute URL, query included.
    public var url: URL
    /// Header fields to send, by name.
    public var headers: [String: String]
    /// The body, `nil` for requests without one.
    public var body: Data?

    /// Creates a request.
    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}
