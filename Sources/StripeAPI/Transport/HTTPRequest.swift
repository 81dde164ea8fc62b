import Foundation

/// One HTTP request as the client hands it to a transport.
///
/// Its mirror hides the `Authorization` header and the body, so printing or dumping a
/// request never shows the key.
public struct HTTPRequest: Sendable, Equatable, CustomReflectable {
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

    /// The fields `print` and `dump` show, with the credentials and the body left out.
    public var customMirror: Mirror {
        let shown = headers.map { name, value in
            (name, name.lowercased() == "authorization" ? "[redacted]" : value)
        }
        return Mirror(self, children: [
            "method": method, "url": url, "headers": Dictionary(uniqueKeysWithValues: shown),
            "body": body.map { "\($0.count) bytes" } ?? "nil",
        ], displayStyle: .struct)
    }
}
