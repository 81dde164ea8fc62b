/// The emulator's mutable state, kept behind one lock.
struct EmulatorState: Sendable {
    var accounts: [String: AccountState] = [:]
    var buckets: [String: TokenBucket] = [:]
    var log: [RequestLogEntry] = []
    /// Webhook delivery attempts, oldest first; like the request log, not saved.
    var deliveries: [DeliveryAttempt] = []
    var sequence = 0
    var ids: SeededRandom
    var faultRandom: SeededRandom
    var faults: EmulatorFaults
    /// Counts applied writes, so a saver knows when the state changed.
    var changes = 0

    init(configuration: EmulatorConfiguration, snapshot: EmulatorSnapshot?) {
        var seeder = SystemRandomNumberGenerator()
        ids = SeededRandom(seed: configuration.idSeed ?? seeder.next())
        faultRandom = SeededRandom(seed: configuration.faultSeed)
        faults = configuration.faults
        for account in snapshot?.accounts ?? [] {
            accounts[account.fingerprint] = account
        }
    }

    mutating func account(for key: APIKey) -> AccountState {
        accounts[key.fingerprint] ?? AccountState(fingerprint: key.fingerprint, livemode: key.livemode)
    }

    mutating func record(_ entry: RequestLogEntry, limit: Int) {
        log.append(entry)
        // Trimmed a tenth at a time, so a full log does not shift on every request.
        if log.count > limit { log.removeFirst(log.count - limit + limit / 10) }
    }

    /// The latency for one request: fixed plus uniform jitter.
    mutating func latency() -> Duration {
        // Clamped again here: faults set through the Swift API skip the parsers' checks.
        let bound = EmulatorFaults.maxLatencyMs
        let jitterMs = min(max(0, faults.jitterMs), bound)
        let jitter = jitterMs > 0 ? Int(faultRandom.next() % UInt64(jitterMs + 1)) : 0
        return .milliseconds(min(max(0, faults.latencyMs), bound) + jitter)
    }
}

extension Duration {
    /// The duration in seconds, for arithmetic with the emulator's clock.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
