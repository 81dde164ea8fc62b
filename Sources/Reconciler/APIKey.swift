import ReconcileCore

/// A Stripe secret or restricted key, read from the environment. Its text never
/// appears in a description: printing one shows only its kind.
public struct APIKey: Sendable, CustomStringConvertible {
    public let value: String
    public let mode: StripeMode
    public let isRestricted: Bool

    /// Parses `sk_test_…`, `sk_live_…`, `rk_test_…` or `rk_live_…`; `nil` otherwise.
    public init?(_ raw: String) {
        let value = raw.trimmingWhitespace
        let prefixes: [(String, StripeMode, Bool)] = [
            ("sk_test_", .test, false), ("sk_live_", .live, false), ("rk_test_", .test, true), ("rk_live_", .live, true),
        ]
        guard let (prefix, mode, restricted) = prefixes.first(where: { value.hasPrefix($0.0) }),
              value.count > prefix.count, !value.contains(where: \.isWhitespace)
        else { return nil }
        self.value = value
        self.mode = mode
        self.isRestricted = restricted
    }

    /// A stable, non-secret name for the account, for idempotency keys and logs.
    public var fingerprint: String {
        var hasher = StableHasher()
        hasher.combine(value)
        return "acct_" + hasher.hex.prefix(16)
    }

    public var description: String { "\(isRestricted ? "rk" : "sk")_\(mode.rawValue)_…(redacted)" }
}

extension String {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
