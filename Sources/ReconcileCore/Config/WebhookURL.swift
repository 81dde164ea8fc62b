import Foundation

/// The rules for a trigger's `url`: absolute `https://`, or `http://` to a loopback host
/// for local work against the emulator; no credentials.
enum WebhookURL {
    struct Problem {
        var message: String
        var hint: String?
    }

    static func problem(_ url: String) -> Problem? {
        isPlainHTTPS(url) ? nil : checked(url)
    }

    /// Whether `url` is the common, plainly valid case, `https://` + a host name + a path
    /// and query of unreserved ASCII, told without Foundation's URL parser (a third of the
    /// time checking a trigger took). Anything else (ports, `@`, `%`, `#`, brackets,
    /// non-ASCII) goes the full way.
    static func isPlainHTTPS(_ url: String) -> Bool {
        let bytes = url.utf8
        guard bytes.starts(with: "https://".utf8) else { return false }
        let rest = bytes.dropFirst("https://".count)
        let hostEnd = rest.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") } ?? rest.endIndex
        let host = rest[..<hostEnd]
        guard !host.isEmpty, host.allSatisfy(isHostByte) else { return false }
        return rest[hostEnd...].allSatisfy(isPathByte)
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"): true
        default: false
        }
    }

    /// RFC 3986's unreserved characters and sub-delimiters, `/`, `?` and `:`.
    private static func isPathByte(_ byte: UInt8) -> Bool {
        if isHostByte(byte) { return true }
        return "_~/?:!$&'()*+,;=".utf8.contains(byte)
    }

    /// The full check, through Foundation's parser.
    static func checked(_ url: String) -> Problem? {
        if url.isEmpty { return Problem(message: "`url` is empty", hint: "write the https:// address Stripe delivers to") }
        if url.contains(where: { $0.isWhitespace }) {
            return Problem(message: "`url` contains whitespace", hint: "remove it, or percent-encode it as `%20`")
        }
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else {
            if !url.contains("://") {
                return Problem(message: "`url` must be an absolute https:// url, not `\(url)`", hint: "write `https://\(url)`")
            }
            return Problem(message: "`url` is not a valid url: `\(url)`", hint: "write an absolute url such as `https://hooks.example.com/stripe`")
        }
        guard scheme == "https" || scheme == "http" else {
            return Problem(message: "`url` must use https://, not \(scheme)://", hint: "Stripe delivers webhooks over https only")
        }
        let host = (components.host ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        guard !host.isEmpty, url.lowercased().hasPrefix(scheme + "://") else {
            return Problem(message: "`url` has no host: `\(url)`", hint: "write an absolute url such as `https://hooks.example.com/stripe`")
        }
        if components.user != nil || components.password != nil {
            return Problem(message: "`url` must not contain credentials (`user:password@`)",
                           hint: "receivers authenticate Stripe by checking each delivery's signature with the endpoint's signing secret")
        }
        if scheme == "http", !isLoopback(host) {
            return Problem(message: "`url` must use https://: http:// is accepted only for loopback hosts (localhost, 127.0.0.0/8, ::1)",
                           hint: "write `https://\(url.dropFirst("http://".count))`")
        }
        return nil
    }

    /// `localhost`, an IPv4 address in 127.0.0.0/8, or `::1`.
    static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased()
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { octet in
            !octet.isEmpty && octet.count <= 3 && octet.allSatisfy { $0.isASCII && $0.isNumber } && Int(octet)! <= 255
        }
    }
}
