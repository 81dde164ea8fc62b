/// One account's webhook endpoints and idempotency records; an account is one API key.
struct AccountState: Sendable, Codable {
    /// `acct_...`, from `APIKey.fingerprint`; the key itself is never kept.
    var fingerprint: String
    var livemode: Bool
    var endpoints: [String: WebhookEndpoint] = [:]
    var idempotency: [String: IdempotencyRecord] = [:]
    var nextSequence = 1

    init(fingerprint: String, livemode: Bool) {
        self.fingerprint = fingerprint
        self.livemode = livemode
    }

    /// Newest first; endpoints created in the same second by creation order.
    var sortedEndpoints: [WebhookEndpoint] {
        endpoints.values.sorted { ($0.created, $0.sequence) > ($1.created, $1.sequence) }
    }

    /// The Connect application id shown on this account's `connect=true` endpoints; stable per account.
    var connectApplication: String {
        var random = SeededRandom(seed: fingerprint.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 })
        return random.identifier("ca_", count: 32)
    }

    /// Drops idempotency records older than `ttl` seconds.
    mutating func expireIdempotency(now: Double, ttl: Double) {
        idempotency = idempotency.filter { now - $0.value.created < ttl }
        // Room for the key about to be stored: the oldest go first.
        let excess = idempotency.count - (EmulatorLimits.maxIdempotencyKeys - 1)
        if excess > 0 {
            for (key, _) in idempotency.sorted(by: { $0.value.created < $1.value.created }).prefix(excess) {
                idempotency[key] = nil
            }
        }
    }
}

/// A stored response for an `Idempotency-Key`, replayed to a retry with the same parameters.
struct IdempotencyRecord: Sendable, Codable {
    var method: String
    var path: String
    /// `FormDecoder.Parameters.canonical` of the first request.
    var parameters: String
    var status: Int
    var body: String
    var requestId: String
    /// Unix seconds, from the injected clock.
    var created: Double
    /// When the first response is sent (after injected latency); a replay before then is a 409.
    var answeredAt: Double?
}
