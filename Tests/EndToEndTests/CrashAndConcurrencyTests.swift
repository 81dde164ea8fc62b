import Foundation
import Testing

/// `reconcile` killed at random points, interrupted, and raced against itself: the next
/// clean run always ends with exactly the declared state.
@Suite(.serialized) struct CrashAndConcurrencyTests {
    static let first = [("crm", "customer.created"), ("crm", "customer.updated"), ("billing", "invoice.paid"), ("billing", "invoice.payment_failed"), ("subs", "customer.subscription.created")]
    static let second = [("crm", "customer.updated"), ("billing", "invoice.paid"), ("subs", "customer.subscription.created"), ("subs", "customer.subscription.deleted"), ("risk", "charge.dispute.created")]

    /// Two configs that differ in triggers (creates and deletes), descriptions (updates)
    /// and api versions (replaces), applied in turn and killed at a random moment.
    static func yaml(_ round: Int) -> String {
        let even = round % 2 == 0
        return config(even ? first : second, extra: "        description: round \(even ? "even" : "odd")\n        api_version: \"\(even ? "2024-06-20" : "2025-01-27.acacia")\"\n")
    }

    @Test func sigkillAtRandomPointsThenOneCleanRun() async throws {
        let s = try await Scenario(emulatorArguments: ["--latency-ms", "40", "--no-rate-limit"])
        defer { s.finish() }
        var random = SplitMix(seed: 42)
        let flags = ["--allow-replace", "--allow-deletes", "--secrets-out", s.folder.appendingPathComponent("secrets.json").path]
        let iterations = 15
        var killed = 0
        for round in 0..<iterations {
            try s.write(Self.yaml(round))
            let run = try s.spawn(flags)
            try run.send([(SIGKILL, Double(random.next() % 301) / 1000)])
            let result = await run.wait()
            if result.status == SIGKILL { killed += 1 }
        }
        let last = iterations - 1
        let clean = try await s.reconcile(flags)
        #expect(clean.status == 0, "\(clean.all)")
        let triggers = [Self.first, Self.second][last % 2]
        #expect(try await s.divergence(from: triggers) == [])
        for endpoints in try await s.managed().values {
            #expect(endpoints.first?["description"] as? String == "round \(last % 2 == 0 ? "even" : "odd")")
            #expect(endpoints.first?["api_version"] as? String == (last % 2 == 0 ? "2024-06-20" : "2025-01-27.acacia"))
        }
        let again = try await s.reconcile(["--detailed-exitcode"])
        #expect(again.status == 0, "\(again.all)")
        print("SIGKILL: \(killed) of \(iterations) runs killed mid-way")
        #expect(killed >= iterations / 3, "most runs should have been killed while working")
    }

    @Test func threeRunsAtOnceLeaveOneEndpointPerTrigger() async throws {
        let s = try await Scenario(emulatorArguments: ["--latency-ms", "20", "--jitter-ms", "20", "--no-rate-limit"])
        defer { s.finish() }
        var duplicatesLeft: [Int] = []
        for round in 0..<4 {
            try s.write(Self.yaml(round))
            let runs = try (0..<3).map { _ in try s.spawn(["--allow-replace", "--allow-deletes"]) }
            var statuses: [Int32] = []
            for run in runs { statuses.append(await run.wait().status) }
            #expect(statuses.allSatisfy { $0 == 0 || $0 == 1 }, "\(statuses)")
            let triggers = round % 2 == 0 ? Self.first : Self.second
            let managed = try await s.managed()
            duplicatesLeft.append(managed.values.reduce(0) { $0 + $1.count } - managed.count)
            #expect(Set(managed.keys) == Set(triggers.map { "\($0.0)/\($0.1)" }))

            let repair = try await s.reconcile(["--allow-replace", "--allow-deletes"])
            #expect(repair.status == 0, "\(repair.all)")
            #expect(try await s.divergence(from: triggers) == [])
        }
        print("3 racing runs left \(duplicatesLeft) duplicate(s) before the repair run")
        #expect(duplicatesLeft.first == 0, "the creates of racing runs share idempotency keys")
    }

    @Test func sigintStopsBetweenWritesReportsAndTheNextRunFinishes() async throws {
        let s = try await Scenario(emulatorArguments: ["--latency-ms", "1000", "--no-rate-limit"])
        defer { s.finish() }
        let secrets = s.folder.appendingPathComponent("secrets.json")
        try s.write(Self.yaml(0))
        // One request at a time (writes of a stage would otherwise all be in flight at
        // once), each taking a second: the signal comes while the first create is in flight.
        let run = try s.spawn(["--secrets-out", secrets.path, "--concurrency", "1"])
        try run.send([(SIGINT, 1.5)])
        let result = await run.wait()
        #expect(result.status == 1, "\(result.all)")
        #expect(result.stderr.contains("SIGINT: starting no new write"))
        #expect(result.stdout.contains("interrupted (SIGINT)"), "\(result.all)")
        #expect(result.stdout.contains("changes were applied before the failure; run again to finish"))
        let managed = try await s.managed()
        #expect(managed.count < Self.first.count, "\(managed.count) created before the signal")
        // What the interrupted run created has its secret on file.
        let file = (try? JSONSerialization.jsonObject(with: Data(contentsOf: secrets))) as? [String: [String: Any]] ?? [:]
        #expect(Set(file.keys) == Set(managed.keys.map { "e2e/\($0)" }))

        try await s.emulator.setFaults("{}")
        let next = try await s.reconcile(["--secrets-out", secrets.path])
        #expect(next.status == 0, "\(next.all)")
        #expect(try await s.divergence(from: Self.first) == [])
    }

    @Test func aSecondSignalQuitsAtOnce() async throws {
        let s = try await Scenario(emulatorArguments: ["--latency-ms", "3000", "--no-rate-limit"])
        defer { s.finish() }
        try s.write(Self.yaml(0))
        let run = try s.spawn()
        // Both come while the listing (3 s) is in flight.
        try run.send([(SIGTERM, 1.0), (SIGINT, 1.1)])
        let result = await run.wait()
        #expect(result.status == 128 + SIGINT, "\(result.all)")
    }

    @Test func watchStopsCleanlyOnSigterm() async throws {
        let s = try await Scenario()
        defer { s.finish() }
        try s.write(Self.yaml(0))
        let run = try s.spawn(["--watch", "--interval", "60"])
        // Wait for the first run to finish, then stop the controller while it sleeps.
        for _ in 0..<100 where try await s.managed().count < Self.first.count {
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: .milliseconds(200))
        let start = ContinuousClock.now
        run.send(SIGTERM)
        let result = await run.wait()
        #expect(result.status == 0, "\(result.all)")
        // Well before the next run, 60 s away (a margin for a loaded machine).
        #expect(ContinuousClock.now - start < .seconds(30))
        #expect(try await s.divergence(from: Self.first) == [])
    }

    /// A controller repairs drift made between its runs, in place, until stopped.
    @Test func watchRepairsDriftBetweenRuns() async throws {
        let s = try await Scenario()
        defer { s.finish() }
        try s.write(Self.yaml(0))
        let run = try s.spawn(["--watch", "--interval", "0.3"])
        for _ in 0..<200 where try await s.managed().count < Self.first.count {
            try await Task.sleep(for: .milliseconds(50))
        }
        let endpoint = try #require(try await s.managed().values.first?.first)
        let id = try #require(endpoint["id"] as? String)
        try await s.emulator.modify(key: s.key, id: id, form: "url=https%3A%2F%2Fdrifted.example.com%2Fx&disabled=true")
        var repaired = false
        for _ in 0..<200 where !repaired {
            try await Task.sleep(for: .milliseconds(50))
            repaired = try await s.divergence(from: Self.first) == []
        }
        run.send(SIGTERM)
        let result = await run.wait()
        #expect(repaired, "the drift was not repaired by a later run")
        #expect(result.status == 0, "\(result.all)")
        // Repaired in place: the same endpoint, not a new one.
        #expect(try await s.endpoints().contains { $0["id"] as? String == id })
    }

    /// One account's key is refused (403); the other account is still applied.
    @Test func aFailedAccountDoesNotStopTheOthers() async throws {
        let s = try await Scenario()
        defer { s.finish() }
        try FileManager.default.createDirectory(at: s.folder.appendingPathComponent("accounts"), withIntermediateDirectories: true)
        try s.write(config(Self.first), name: "accounts/good.yaml")
        try s.write(config(Self.first, stripe: "  api_key_env: REFUSED_KEY\n"), name: "accounts/refused.yaml")
        let result = try await s.reconcile([], config: "accounts", environment: ["REFUSED_KEY": "rk_test_noaccess_e2e"])
        #expect(result.status == 1, "\(result.all)")
        #expect(result.all.contains("refused.yaml"))
        #expect(result.all.contains("403") || result.all.contains("permission"), "\(result.all)")
        #expect(try await s.divergence(from: Self.first) == [])
    }
}

/// A small seeded generator, so the kill points are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
