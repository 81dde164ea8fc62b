import Foundation

/// The base URL the client talks to: Stripe's, or an emulator's.
public enum APIBase {
    /// `https://api.stripe.com`.
    public static let stripe = URL(string: "https://api.stripe.com")!

    /// Validates a `--api-base` / `STRIPE_API_BASE` value: an absolute `http` or `https`
    /// URL with a host, no path other than `/`, and no credentials, query or fragment.
    ///
    /// - Returns: the URL, without a trailing `/`.
    /// - Throws: ``APIBaseError`` saying what is wrong and what would be right.
    public static func parse(_ text: String) throws(APIBaseError) -> URL {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty
        else { throw APIBaseError(value: text, problem: "it is not an absolute http:// or https:// URL") }
        if components.user != nil || components.password != nil {
            throw APIBaseError(value: text, problem: "it contains credentials; the key comes from the environment only")
        }
        guard components.path.isEmpty || components.path == "/" else {
            throw APIBaseError(value: text, problem: "it has a path (\(components.path)); the client adds /v1/... itself")
        }
        guard components.query == nil, components.fragment == nil else {
            throw APIBaseError(value: text, problem: "it has a query or fragment")
        }
        if let port = components.port, !(1...65535).contains(port) {
            throw APIBaseError(value: text, problem: "its port \(port) is not between 1 and 65535")
        }
        let withoutSlash = trimmed.hasSuffix("/") ? String(trimmed.dropLast()) : trimmed
        guard let url = URL(string: withoutSlash) else {
            throw APIBaseError(value: text, problem: "it is not a valid URL")
        }
        return url
    }
}

/// A `--api-base` / `STRIPE_API_BASE` value that cannot be used.
public struct APIBaseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The value given.
    public var value: String
    /// What is wrong with it.
    public var problem: String

    /// The message: the value, the problem and an example of a good value.
    public var description: String {
        "invalid API base \"\(value)\": \(problem); use a URL like https://api.stripe.com or http://127.0.0.1:12111"
    }
}
