import Foundation
import StripeAPI
import Synchronization

/// One rate limiter per account for the whole run: Stripe limits requests per account,
/// and several config files (other owners) may use the same key.
final class RateLimiters: Sendable {
    private let rate: Double?
    private let burst: Int?
    private let byAccount = Mutex<[String: RateLimiter]>([:])

    /// - Parameter rate: requests per second per account; nil for the default of the key's
    ///   mode (``RateLimiter/defaultRate(forKey:)``), 0 for no limit.
    /// - Parameter burst: the bucket's size; nil for one second's worth of the rate
    ///   (``RateLimiter/defaultBurst(forRate:)``).
    init(rate: Double?, burst: Int? = nil) {
        self.rate = rate
        self.burst = burst
    }

    /// The limiter of `key`'s account, made on first use; nil when unlimited.
    func limiter(for key: APIKey) -> RateLimiter? {
        let rate = rate ?? RateLimiter.defaultRate(forKey: key.value)
        guard rate > 0, rate.isFinite else { return nil }
        return byAccount.withLock { byAccount in
            if let limiter = byAccount[key.fingerprint] { return limiter }
            let limiter = RateLimiter(ratePerSecond: rate, burst: burst ?? RateLimiter.defaultBurst(forRate: rate))
            byAccount[key.fingerprint] = limiter
            return limiter
        }
    }
}
