import Foundation
import Testing

/// Idempotency keys derive from what a run saw, so a state seen again within Stripe's
/// 24 hours of key memory gives the same key again: the answer is then a replay of an
/// old request, and the run must notice it did not apply anything now.
@Suite(.serialized) struct StaleReplayTests {
    static let kept = [("crm", "customer.updated")]
    static let churned = [("crm", "customer.updated"), ("billing", "invoice.paid")]

    @Test func aTriggerRemovedAndRestoredManyTimesIsCreatedEachTime() async throws {
        let s = try await Scenario()
        defer { s.finish() }
        for round in 0..<12 {
            let triggers = round % 2 == 0 ? Self.churned : Self.kept
            try s.write(config(triggers))
            let result = try await s.reconcile()
            #expect(result.status == 0, "round \(round): \(result.all)")
            #expect(try await s.divergence(from: triggers) == [], "round \(round)")
        }
    }

    @Test func theSameDriftMadeTwiceIsRepairedTwice() async throws {
        let s = try await Scenario()
        defer { s.finish() }
        try s.write(config(Self.kept))
        _ = try await s.reconcile()
        let id = try #require(try await s.managed()["crm/customer.updated"]?.first?["id"] as? String)
        for round in 0..<3 {
            try await s.emulator.modify(key: s.key, id: id, form: "description=changed+by+hand&disabled=true")
            let result = try await s.reconcile()
            #expect(result.status == 0, "round \(round): \(result.all)")
            #expect(try await s.divergence(from: Self.kept) == [], "round \(round)")
            let check = try await s.reconcile(["--dry-run", "--detailed-exitcode"])
            #expect(check.status == 0, "round \(round): \(check.all)")
        }
    }
}
