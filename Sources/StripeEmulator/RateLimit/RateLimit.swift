/// Stripe's per-account request rate limits, enforced with a token bucket per account.
public struct RateLimit: Sendable, Codable, Equatable {
    /// Requests per second for test-mode keys.
    public var test: Double
    /// Requests per second for live-mode keys.
    public var live: Double

    /// Creates limits.
    public init(test: Double, live: Double) {
        self.test = test
        self.live = live
    }

    /// Stripe's documented limits: 25/s in test mode, 100/s in live mode.
    public static let stripe = RateLimit(test: 25, live: 100)

    /// Parses `test=25,live=100` (either part may be omitted).
    public static func parse(_ text: String) -> RateLimit? {
        var result = RateLimit.stripe
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let value = Double(parts[1]), value > 0 else { return nil }
            switch parts[0] {
            case "test": result.test = value
            case "live": result.live = value
            default: return nil
            }
        }
        return result
    }
}

/// A token bucket: `rate` tokens a second, holding at most one second's worth.
struct TokenBucket: Sendable {
    var tokens: Double
    var updated: Double

    /// Takes a token if one is left at `now`.
    mutating func take(rate: Double, now: Double) -> Bool {
        tokens = min(rate, tokens + max(0, now - updated) * rate)
        updated = now
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}
