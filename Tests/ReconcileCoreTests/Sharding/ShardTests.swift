import Testing
@testable import ReconcileCore

/// A generated account: a file path and the key that decides its shard.
private struct FakeAccount: Hashable {
    var path: String
    var key: ShardKey
}

/// 1,000 accounts as an agency would name them: many owners, a few shared key variables.
private let accounts: [FakeAccount] = (0..<1000).map { n in
    FakeAccount(path: "accounts/merchant-\(n).yaml", key: ShardKey(owner: "merchant-\(n)", apiKeyEnv: "STRIPE_KEY_\(n % 37)"))
}

/// Who is in each shard, as sets of keys (one assignment for all shards: a debug build
/// ranking 1,000 keys 64 times over held the test pool's two threads for seconds).
private func split(_ accounts: [FakeAccount], count: Int) -> [Set<ShardKey>] {
    let assignment = Shard.assign(Set(accounts.map(\.key)), count: count)
    var shards = Array(repeating: Set<ShardKey>(), count: count)
    for account in accounts { shards[assignment[account.key]!].insert(account.key) }
    return shards
}

@Suite struct ShardTests {
    @Test(arguments: [1, 2, 7, 64])
    func everyAccountIsInExactlyOneShard(count: Int) {
        let shards = split(accounts, count: count)
        var seen: [ShardKey: Int] = [:]
        for shard in shards { for key in shard { seen[key, default: 0] += 1 } }
        #expect(seen.count == accounts.count)
        #expect(seen.values.allSatisfy { $0 == 1 })
    }

    @Test(arguments: [1, 2, 7, 64])
    func shardsDifferByAtMostTwentyPercent(count: Int) {
        let sizes = split(accounts, count: count).map(\.count)
        let smallest = sizes.min() ?? 0, largest = sizes.max() ?? 0
        #expect(smallest > 0)
        #expect(Double(largest - smallest) <= 0.2 * Double(smallest), "sizes \(sizes)")
    }

    /// Renamed files and another listing order change nothing: only the keys decide.
    @Test(arguments: [2, 7, 64])
    func assignmentIgnoresNamesAndOrder(count: Int) {
        // New names, listed in their own order: a permutation unrelated to the old one.
        let renamed = accounts.enumerated()
            .map { FakeAccount(path: "other/\(($0.offset &* 7919 &+ count) % 1009)-renamed.yml", key: $0.element.key) }
            .sorted { $0.path < $1.path }
        #expect(renamed.map(\.key) != accounts.map(\.key))
        #expect(split(renamed, count: count) == split(accounts, count: count))
        #expect(split(accounts.reversed(), count: count) == split(accounts, count: count))
    }

    /// What each worker selects is its part of the assignment.
    @Test func selectTakesTheShardsPartOfTheAssignment() {
        let shards = split(accounts, count: 7)
        for index in 0..<7 {
            #expect(Set(Shard(index: index, count: 7).select(accounts, key: \.key).map(\.key)) == shards[index])
        }
    }

    /// Files with one key (one owner of one account) always go to the same shard.
    @Test func filesWithOneKeyStayTogether() {
        let twins = accounts + accounts.prefix(100).map { FakeAccount(path: $0.path + ".copy", key: $0.key) }
        for index in 0..<7 {
            let chosen = Shard(index: index, count: 7).select(twins, key: \.key)
            let paths = Set(chosen.map(\.path))
            for account in chosen where account.path.hasSuffix(".copy") {
                #expect(paths.contains(String(account.path.dropLast(5))))
            }
        }
    }

    /// The hash is fixed: a change to it would move accounts between shards between releases.
    @Test func theHashIsStable() {
        // FNV-1a then SplitMix64's finaliser, computed independently (Python) for this pair.
        #expect(ShardKey(owner: "shop", apiKeyEnv: "STRIPE_API_KEY").hash == 0x4291_2505_E5CA_21B0)
        #expect(ShardKey(owner: "ab", apiKeyEnv: "c").hash != ShardKey(owner: "a", apiKeyEnv: "bc").hash)
    }

    @Test func parsesIndexCountAndAuto() throws {
        #expect(try Shard.parse("0/4", environment: [:]).get() == Shard(index: 0, count: 4))
        #expect(try Shard.parse("3/4", environment: [:]).get() == Shard(index: 3, count: 4))
        #expect(try Shard.parse("auto/4", environment: ["JOB_COMPLETION_INDEX": "2"]).get() == Shard(index: 2, count: 4))
    }

    @Test(arguments: ["4/4", "-1/4", "1/0", "1", "a/4", "1/4/2", "auto/4"])
    func rejectsBadShards(text: String) {
        guard case .failure(let error) = Shard.parse(text, environment: [:]) else {
            Issue.record("\(text) was accepted")
            return
        }
        #expect(!error.description.isEmpty)
    }

    @Test func autoWithoutTheVariableNamesIt() {
        guard case .failure(let error) = Shard.parse("auto/3", environment: [:]) else {
            Issue.record("accepted")
            return
        }
        #expect(error.description.contains("JOB_COMPLETION_INDEX"))
    }
}
