/// A Stripe of our own for `/v1/webhook_endpoints`: any number of accounts, Stripe's
/// rules and errors, idempotency, faults and a request log, with no I/O.
///
/// Use it over HTTP with `EmulatorServer`, or in-process by turning each HTTP request
/// into an `EmulatorRequest`, calling `handle(_:)`, sleeping the outcome's `delay`,
/// and turning `.dropConnection` / `.responseLost` into a transport error.
public final class Emulator: Sendable {
    /// The configuration the emulator was created with (faults may since have changed).
    public let configuration: EmulatorConfiguration
    let clock: any EmulatorClock
    let state: Locked<EmulatorState>

    /// Creates an emulator, optionally from a saved state.
    public init(configuration: EmulatorConfiguration = .init(), clock: any EmulatorClock = SystemEmulatorClock(),
                snapshot: EmulatorSnapshot? = nil) {
        self.configuration = configuration
        self.clock = clock
        state = Locked(EmulatorState(configuration: configuration, snapshot: snapshot))
    }

    /// The current state, for saving.
    public func snapshot() -> EmulatorSnapshot {
        state.withLock { EmulatorSnapshot(accounts: Array($0.accounts.values)) }
    }

    /// Grows by one with every applied write; compare it to know whether to save.
    public var changeCount: Int {
        state.withLock { $0.changes }
    }

    /// The requests seen so far, oldest first (admin requests excluded).
    public func requestLog() -> [RequestLogEntry] {
        state.withLock { $0.log }
    }

    /// Forgets the request log.
    public func clearRequestLog() {
        state.withLock { $0.log.removeAll() }
    }

    /// The faults in force.
    public var faults: EmulatorFaults {
        state.withLock { $0.faults }
    }

    /// Changes the faults from the next request on.
    public func setFaults(_ faults: EmulatorFaults) {
        state.withLock { $0.faults = faults }
    }

    /// Forgets every account, endpoint, idempotency record and log entry (deliveries too).
    public func reset() {
        state.withLock {
            $0.accounts.removeAll()
            $0.buckets.removeAll()
            $0.log.removeAll()
            $0.deliveries.removeAll()
            $0.changes += 1
        }
    }

    /// The endpoints of the account of `key`, newest first, secrets included; nil for a malformed key.
    public func endpoints(forKey key: String) -> [WebhookEndpoint]? {
        guard let key = APIKey(key) else { return nil }
        return state.withLock { $0.accounts[key.fingerprint]?.sortedEndpoints ?? [] }
    }

    /// The account fingerprint (`acct_...`) the emulator shows for `key` in logs; nil for a malformed key.
    public static func fingerprint(ofKey key: String) -> String? {
        APIKey(key)?.fingerprint
    }
}
