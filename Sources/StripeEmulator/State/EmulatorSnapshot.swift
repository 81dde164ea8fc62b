/// Everything the emulator must keep across restarts: accounts, endpoints with their
/// secrets, and idempotency records. Accounts are named by fingerprint, never by key.
public struct EmulatorSnapshot: Sendable, Codable {
    /// The format version of the state file.
    public var version: Int
    var accounts: [AccountState]

    /// An empty state.
    public init() {
        version = 1
        accounts = []
    }

    init(accounts: [AccountState]) {
        version = 1
        self.accounts = accounts.sorted { $0.fingerprint < $1.fingerprint }
    }

    /// How many endpoints the snapshot holds, across accounts.
    public var endpointCount: Int {
        accounts.reduce(0) { $0 + $1.endpoints.count }
    }
}
