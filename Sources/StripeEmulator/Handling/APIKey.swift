/// A Stripe API key as the emulator understands it; the raw key is never stored or logged.
///
/// Every well-formed key is its own account. Restricted keys containing `_readonly`
/// may read webhook endpoints but not write them, and keys containing `_noaccess`
/// may do neither: both get Stripe's 403, so permission handling can be tested.
struct APIKey: Sendable {
    /// A stable, non-secret name for the account: `acct_` and 16 hex digits of a hash of the key.
    let fingerprint: String
    let livemode: Bool
    let restricted: Bool
    let canRead: Bool
    let canWrite: Bool
    /// The key as Stripe shows it in errors: prefix, asterisks, last four characters.
    let redacted: String

    private static let prefixes = ["sk_test_", "sk_live_", "rk_test_", "rk_live_"]

    /// Parses a key; nil when it has none of Stripe's secret or restricted prefixes.
    init?(_ key: String) {
        guard let prefix = Self.prefixes.first(where: { key.hasPrefix($0) }), key.count > prefix.count + 3,
              key.utf8.allSatisfy({ $0 == UInt8(ascii: "_") || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) })
        else { return nil }
        fingerprint = Self.fingerprint(of: key)
        livemode = prefix.contains("live")
        restricted = prefix.hasPrefix("rk_")
        canRead = !(restricted && key.contains("_noaccess"))
        canWrite = canRead && !(restricted && key.contains("_readonly"))
        redacted = Self.redact(key)
    }

    /// Shows only what Stripe shows: the prefix and the last four characters.
    static func redact(_ key: String) -> String {
        let prefixLength = key.hasPrefix("sk_") || key.hasPrefix("rk_") || key.hasPrefix("pk_") ? min(8, key.count) : 0
        guard key.count > prefixLength + 4 else { return String(repeating: "*", count: key.count) }
        return String(key.prefix(prefixLength)) + String(repeating: "*", count: key.count - prefixLength - 4) + String(key.suffix(4))
    }

    /// Two 64-bit FNV-1a hashes with different offsets; stable across runs and platforms.
    static func fingerprint(of key: String) -> String {
        func fnv(_ offset: UInt64) -> UInt64 {
            key.utf8.reduce(offset) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
        }
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return "acct_" + String((hex(fnv(0xCBF2_9CE4_8422_2325)) + hex(fnv(0x8422_2325_CBF2_9CE4))).prefix(16))
    }
}

extension APIKey {
    /// The key from `Authorization: Bearer KEY` or basic auth `KEY:` (as `curl -u KEY:` sends).
    enum Credential {
        case missing
        case malformed(String)
        case key(String)
    }

    static func credential(from authorization: String?) -> Credential {
        guard let authorization, !authorization.trimmingSpaces.isEmpty else { return .missing }
        let parts = authorization.trimmingSpaces.split(separator: " ", maxSplits: 1)
        let scheme = parts[0].lowercased()
        let value = parts.count > 1 ? String(parts[1]).trimmingSpaces : ""
        switch scheme {
        case "bearer":
            return value.isEmpty ? .missing : .key(value)
        case "basic":
            guard let decoded = Base64.decode(value) else { return .malformed(value) }
            let user = String(decoded.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            return user.isEmpty ? .missing : .key(user)
        default:
            return .malformed(authorization)
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces; scanned as bytes (this runs on every request's
    /// `Authorization`, where walking Characters twice showed as 5% of the emulator's time).
    var trimmingSpaces: String {
        let bytes = Substring(self).utf8
        guard let first = bytes.firstIndex(where: { $0 != UInt8(ascii: " ") }),
              let last = bytes.lastIndex(where: { $0 != UInt8(ascii: " ") }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
