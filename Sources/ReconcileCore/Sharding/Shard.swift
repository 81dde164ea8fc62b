/// One worker's share of the accounts: `--shard INDEX/COUNT`, 0-based, so Kubernetes'
/// `JOB_COMPLETION_INDEX` can be passed straight in.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) {
        precondition(count >= 1 && (0..<count).contains(index), "a shard index lies in 0..<count")
        self.index = index
        self.count = count
    }

    /// The whole: one shard holding every account.
    public static let all = Shard(index: 0, count: 1)

    /// The environment variable `--shard auto/COUNT` reads the index from (an Indexed Job's).
    public static let autoIndexVariable = "JOB_COMPLETION_INDEX"

    public var description: String { "\(index)/\(count)" }

    /// Parses `INDEX/COUNT` or `auto/COUNT` (INDEX from ``autoIndexVariable`` in
    /// `environment`); the error says what was wrong and what would be right.
    public static func parse(_ text: String, environment: [String: String]) -> Result<Shard, ShardError> {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int(parts[1]), count >= 1 else {
            return .failure(ShardError("expected INDEX/COUNT (0-based, e.g. 0/4) or auto/COUNT, got '\(text)'"))
        }
        var indexText = String(parts[0])
        if indexText == "auto" {
            guard let value = environment[autoIndexVariable], !value.isEmpty else {
                return .failure(ShardError("auto/\(count) reads the index from $\(autoIndexVariable), which is not set; pass the index (0 to \(count - 1)) instead"))
            }
            indexText = value
        }
        guard let index = Int(indexText), (0..<count).contains(index) else {
            return .failure(ShardError("the index must be a whole number from 0 to \(count - 1) (0-based) for \(count) shard\(count == 1 ? "" : "s"), got '\(indexText)'"))
        }
        return .success(Shard(index: index, count: count))
    }

    /// The accounts of this shard among `accounts`, in their given order.
    ///
    /// Every shard sees every file (each validates them all), so the split can be exact:
    /// the distinct account keys `(stripe.owner, api_key_env)` are ranked by a stable hash
    /// of the key (ties broken by the key itself) and dealt round robin, so shard sizes
    /// differ by at most one account and the result depends only on the set of keys, not
    /// on file names, paths or listing order. Files with the same key stay together.
    public func select<Account>(_ accounts: [Account], key: (Account) -> ShardKey) -> [Account] {
        guard count > 1 else { return accounts }
        let assignment = Self.assign(Set(accounts.map(key)), count: count)
        return accounts.filter { assignment[key($0)] == index }
    }

    /// The shard of every key, 0..<count.
    public static func assign(_ keys: Set<ShardKey>, count: Int) -> [ShardKey: Int] {
        // Each hash computed once, not in every comparison of the sort.
        let ranked = keys.map { (hash: $0.hash, key: $0) }
            .sorted { ($0.hash, $0.key.owner, $0.key.apiKeyEnv) < ($1.hash, $1.key.owner, $1.key.apiKeyEnv) }
        var result: [ShardKey: Int] = [:]
        for (rank, entry) in ranked.enumerated() { result[entry.key] = rank % count }
        return result
    }
}

/// What decides an account's shard: the owner and the name of its key's variable.
public struct ShardKey: Hashable, Sendable {
    public let owner: String
    public let apiKeyEnv: String

    public init(owner: String, apiKeyEnv: String) {
        self.owner = owner
        self.apiKeyEnv = apiKeyEnv
    }

    /// FNV-1a over `owner NUL api_key_env`, then SplitMix64's finaliser: the same on every
    /// machine and run (Swift's `Hasher` is seeded per process, so it cannot serve).
    public var hash: UInt64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ byte: UInt8) { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        owner.utf8.forEach(mix)
        mix(0)
        apiKeyEnv.utf8.forEach(mix)
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

extension ShardKey {
    /// The key of a loaded account.
    public init(_ config: AccountConfig) {
        self.init(owner: config.stripe.owner, apiKeyEnv: config.stripe.apiKeyEnv)
    }
}

/// A `--shard` value that cannot be used.
public struct ShardError: Error, Equatable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
