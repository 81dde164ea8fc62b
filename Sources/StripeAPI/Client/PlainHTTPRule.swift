import Foundation

/// Whether a key may be sent to an API base: a key travels in the `Authorization`
/// header of every request, so over plain http it crosses the network readable by anyone
/// on the path.
///
/// | API base | test key | live key |
/// | --- | --- | --- |
/// | `https://` | sent | sent |
/// | `http://` to a loopback host (`127.0.0.0/8`, `::1`, `localhost`) | sent | sent |
/// | `http://` to any other host | sent, with a warning | refused |
public enum PlainHTTPRule {
    /// What to do with a key bound for `base`.
    public enum Verdict: Sendable, Equatable {
        /// Send it.
        case allow
        /// Send it, and print this warning.
        case warn(String)
        /// Send nothing; print this error and exit 64.
        case refuse(String)
    }

    /// The verdict for a key (`live` or not) named `keySource` sent to `base`.
    public static func verdict(base: URL, live: Bool, keySource: String) -> Verdict {
        guard base.scheme?.lowercased() == "http", let host = base.host, !isLoopback(host) else { return .allow }
        let origin = "http://\(host)\(base.port.map { ":\($0)" } ?? "")"
        if live {
            return .refuse("\(keySource) holds a live key and the API base \(origin) is plain http to a host that is not loopback: the key would cross the network unencrypted; use https:// (plain http is allowed only to 127.0.0.1, ::1 or localhost)")
        }
        return .warn("the API base \(origin) is plain http to a host that is not loopback: the test key in \(keySource) crosses the network unencrypted; use https://")
    }

    /// Whether `host` is this machine: `localhost` (and `*.localhost`), `127.0.0.0/8`, `::1`.
    public static func isLoopback(_ host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name.hasSuffix(".") { name.removeLast() }
        if name == "localhost" || name.hasSuffix(".localhost") { return true }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, name, &v6) == 1 {
            var loopback = in6_addr()
            _ = inet_pton(AF_INET6, "::1", &loopback)
            return withUnsafeBytes(of: &v6) { a in withUnsafeBytes(of: &loopback) { b in a.elementsEqual(b) } }
        }
        let octets = name.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127"
            && octets.allSatisfy { UInt8($0) != nil && $0.allSatisfy(\.isASCII) }
    }
}
