/// How an `Emulator` behaves: limits, faults and seeds.
public struct EmulatorConfiguration: Sendable {
    /// Webhook endpoints allowed per account (Stripe documents 16).
    public var maxEndpoints: Int
    /// Per-account request rates; nil disables rate limiting.
    public var rateLimit: RateLimit?
    /// Latency and failures to inject; can be changed while running (`Emulator.setFaults`).
    public var faults: EmulatorFaults
    /// Seeds the fault decisions, so a run's faults can be reproduced.
    public var faultSeed: UInt64
    /// Seeds ids and secrets; nil draws a random seed.
    public var idSeed: UInt64?
    /// How long an idempotency key is remembered, in seconds (Stripe: at least 24 hours).
    public var idempotencyTTL: Double
    /// Event types and API versions accepted.
    public var catalog: StripeCatalog
    /// The request log keeps at most this many entries, dropping the oldest.
    public var requestLogLimit: Int
    /// Who may use the `/_emulator/` admin routes (reset, faults, secrets).
    public var admin: AdminAccess = .open

    /// Who may use the `/_emulator/` admin routes.
    public enum AdminAccess: Sendable, Equatable {
        /// Anyone who reaches the emulator: right on loopback, where only this machine does.
        case open
        /// Requests carrying `Emulator-Admin-Token: TOKEN`.
        case token(String)
        /// Nobody: the emulator listens beyond loopback and no token was given.
        case closed
    }

    /// Creates a configuration; the defaults behave like Stripe with no faults.
    public init(maxEndpoints: Int = 16, rateLimit: RateLimit? = .stripe, faults: EmulatorFaults = .none,
                faultSeed: UInt64 = 0, idSeed: UInt64? = nil, idempotencyTTL: Double = 86_400,
                catalog: StripeCatalog = .bundled, requestLogLimit: Int = 100_000) {
        self.maxEndpoints = maxEndpoints
        self.rateLimit = rateLimit
        self.faults = faults
        self.faultSeed = faultSeed
        self.idSeed = idSeed
        self.idempotencyTTL = idempotencyTTL
        self.catalog = catalog
        self.requestLogLimit = requestLogLimit
    }
}
