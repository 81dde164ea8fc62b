/// The emulator's bounds on what clients may store or send, so no client can grow it
/// without end. Stripe documents few limits (16 endpoints, 50 metadata keys of 40
/// characters with values of 500, descriptions of 5000); these are ours where it is silent.
public enum EmulatorLimits {
    /// Event types on one endpoint. Stripe documents no limit; its catalog has under 300
    /// types, so every real list fits, and `*` stands for all of them. (25,000 of them on
    /// 16 endpoints of 8 accounts grew the emulator to 680 MB.)
    public static let maxEnabledEvents = 512
    /// Accounts (keys) holding endpoints; a write from a key past it is refused. Ten
    /// times the largest run of the benchmark.
    public static let maxAccounts = 10_000
    /// Idempotency keys remembered per account, besides Stripe's 24 hours: the oldest
    /// are forgotten first. Stripe documents no count.
    public static let maxIdempotencyKeys = 1_000
    /// Request bodies: a webhook endpoint request is a few kilobytes. Larger ones get 413.
    public static let maxBodyBytes = 1 << 20
    /// Rate-limit buckets kept (one per key seen, reads included) before they are reset.
    public static let maxRateBuckets = 10_000
}
