import Foundation
import Testing

/// `reconcile --dry-run --plan-out FILE`, then `reconcile --plan FILE`, as a pull request
/// and its merge do: the binary against `reconcile emulator`, judged by the emulator's
/// state and request log.
@Suite(.serialized) struct SavedPlanEndToEndTests {
    static let triggers = [("sync-customers", "customer.updated"), ("dunning", "invoice.payment_failed")]

    /// A scenario with two triggers applied, and a plan saved that adds a third.
    static func planned() async throws -> (Scenario, URL) {
        let s = try await Scenario()
        try s.write(config(Self.triggers))
        let first = try await s.reconcile()
        #expect(first.status == 0, "\(first.all)")
        try s.write(config(Self.triggers + [("subscriptions", "customer.subscription.updated")]))
        let plan = s.folder.appendingPathComponent("out/plan.json")
        let saved = try await s.reconcile(["--dry-run", "--plan-out", plan.path, "--detailed-exitcode"])
        #expect(saved.status == 2, "\(saved.all)")
        #expect(saved.stderr.contains("plan saved to \(plan.path)"))
        try await s.emulator.clearRequests()
        return (s, plan)
    }

    @Test func aSavedPlanAppliedUnchangedDoesExactlyItsActionsAndTheNextRunFindsNothing() async throws {
        let (s, plan) = try await Self.planned()
        defer { s.finish() }
        let text = try String(contentsOf: plan, encoding: .utf8)
        #expect(!text.contains(s.key) && !text.contains("whsec_"), "a plan file holds no key and no secret")
        #expect(text.contains("\"format_version\" : 1"))

        let shown = try await runReconcile(["--plan", plan.path, "--dry-run", "--api-base", s.emulator.base.absoluteString],
                                           environment: ["STRIPE_API_KEY": s.key], directory: s.folder)
        #expect(shown.status == 0, "\(shown.all)")
        #expect(shown.stdout.contains("+ create subscriptions/customer.subscription.updated"))
        #expect(shown.stderr.contains("is current"))
        #expect(try await s.emulator.writes().isEmpty)

        let applied = try await runReconcile(["--plan", plan.path, "--api-base", s.emulator.base.absoluteString, "--output", "json"],
                                             environment: ["STRIPE_API_KEY": s.key], directory: s.folder)
        #expect(applied.status == 0, "\(applied.all)")
        let writes = try await s.emulator.writes()
        #expect(writes.count == 1)
        #expect(writes.first?["method"] as? String == "POST")
        #expect(try await s.managed().keys.sorted() == ["dunning/invoice.payment_failed", "subscriptions/customer.subscription.updated", "sync-customers/customer.updated"])

        let next = try await s.reconcile(["--detailed-exitcode"])
        #expect(next.status == 0, "\(next.all)")
        #expect(next.stdout.contains("No changes"))
        // Applied once, the plan is stale: the account changed since it was made.
        try await s.emulator.clearRequests()
        let again = try await runReconcile(["--plan", plan.path, "--api-base", s.emulator.base.absoluteString],
                                           environment: ["STRIPE_API_KEY": s.key], directory: s.folder)
        #expect(again.status == 4, "\(again.all)")
        #expect(try await s.emulator.writes().isEmpty)
    }

    @Test func anEndpointChangedByHandRefusesThePlanWithExit4AndNoWrite() async throws {
        let (s, plan) = try await Self.planned()
        defer { s.finish() }
        let id = try #require(try await s.managed()["dunning/invoice.payment_failed"]?.first?["id"] as? String)
        try await s.emulator.modify(key: s.key, id: id, form: "description=changed+by+hand")
        try await s.emulator.clearRequests()
        for dryRun in [true, false] {
            let result = try await runReconcile(["--plan", plan.path, "--api-base", s.emulator.base.absoluteString] + (dryRun ? ["--dry-run"] : []),
                                                environment: ["STRIPE_API_KEY": s.key], directory: s.folder)
            #expect(result.status == 4, "\(result.all)")
            #expect(result.all.contains("the saved plan is stale"))
            #expect(result.all.contains("changed: \(id)"))
            #expect(result.all.contains("plan again"))
        }
        #expect(try await s.emulator.writes().isEmpty)
    }

    @Test func anEditedConfigRefusesThePlanWithExit4AndNoRequest() async throws {
        let (s, plan) = try await Self.planned()
        defer { s.finish() }
        try s.write(config(Self.triggers))
        let result = try await runReconcile(["--plan", plan.path, "--api-base", s.emulator.base.absoluteString],
                                            environment: ["STRIPE_API_KEY": s.key], directory: s.folder)
        #expect(result.status == 4, "\(result.all)")
        #expect(result.all.contains("\(s.folder.appendingPathComponent("stripe-webhooks.yaml").path) changed since the plan was made"))
        #expect(try await s.emulator.requests().isEmpty)
    }

    @Test func aTamperedPlanFileExits3() async throws {
        let (s, plan) = try await Self.planned()
        defer { s.finish() }
        let original = try String(contentsOf: plan, encoding: .utf8)
        let tampered = original.replacingOccurrences(of: "https://hooks.example.com/subscriptions/", with: "https://evil.example.com/subscriptions/")
        #expect(tampered != original)
        let cases = [
            ("checksum", tampered),
            ("format version 2", original.replacingOccurrences(of: "\"format_version\" : 1", with: "\"format_version\" : 2")),
            ("not a plan file", "{\"hello\": 1}"),
            ("not a plan file", String(original.prefix(40))),
        ]
        for (words, text) in cases {
            try text.write(to: plan, atomically: true, encoding: .utf8)
            let result = try await runReconcile(["--plan", plan.path, "--api-base", s.emulator.base.absoluteString],
                                                environment: ["STRIPE_API_KEY": s.key], directory: s.folder)
            #expect(result.status == 3, "\(words): \(result.all)")
            #expect(result.stderr.contains(words), "\(result.stderr)")
        }
        #expect(try await s.emulator.requests().isEmpty)
    }

    @Test func planFlagsThatShapeAPlanAreRefused() async throws {
        let result = try await runReconcile(["--plan", "plan.json", "--target", "x"])
        #expect(result.status == 64, "\(result.all)")
        #expect(result.stderr.contains("--target shapes a plan"))
        let noDryRun = try await runReconcile(["--plan-out", "plan.json"])
        #expect(noDryRun.status == 64)
        #expect(noDryRun.stderr.contains("add --dry-run"))
    }
}
