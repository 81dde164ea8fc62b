import ReconcileCore

/// Derives `Idempotency-Key`s from what a run saw, so that two runs that planned from
/// the same state send the same key (Stripe then answers the second with the first's
/// endpoint instead of creating another), while a later, legitimate re-create, planned
/// from a different state, gets a new key.
public enum IdempotencyKey {
    /// The key for one write of one action.
    /// - Parameters:
    ///   - account: a non-secret fingerprint of the account.
    ///   - observed: every endpoint listed when planning.
    ///   - step: which write of the action (`create`, `disable`, `update`, ...).
    ///   - attempt: bumped when a replayed answer turned out stale.
    public static func make(account: String, trigger: String, step: String, observed: [ObservedEndpoint], payload: String, attempt: Int = 0) -> String {
        var hasher = StableHasher()
        for part in [account, trigger, step, payload, String(attempt)] { hasher.combine(part) }
        for endpoint in observed.sorted(by: { $0.id < $1.id }) {
            hasher.combine(endpoint.id)
            hasher.combine(endpoint.url)
            hasher.combine(endpoint.enabledEvents.joined(separator: ","))
            hasher.combine(endpoint.enabled ? "on" : "off")
            hasher.combine(DesiredEndpoint.canonical(endpoint.metadata))
        }
        return "reconcile-\(step)-\(hasher.hex)"
    }
}

/// FNV-1a over two seeds, 128 bits: stable across processes and machines, unlike `Hasher`.
struct StableHasher {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x6c62_272e_07bb_0142

    mutating func combine(_ text: String) {
        for byte in text.utf8 + [0] {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = b &+ (b >> 29)
        }
    }

    var hex: String {
        func pad(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return pad(a) + pad(b)
    }
}
