import Foundation
import ReconcileCore
import StripeEmulator
import Testing
@testable import Reconciler

/// A saved plan checked against the account and applied by the engine, as
/// `reconcile --plan FILE` does: the same writes and keys as applying when planned, and
/// nothing written when anything it was computed from changed.
@Suite struct SavedPlanEngineTests {
    static let config = account([("sync", "customer.updated"), ("dunning", "invoice.payment_failed")])
    static let configDigest = SHA256.hex("the config's bytes")

    /// An orphan to delete and a drifted endpoint to update, the same in every harness
    /// built with the same id seed.
    static func seed(_ h: EngineHarness) -> [String] {
        let marks = { (trigger: String) in
            "metadata[managed_by]=reconcile&metadata[reconcile_owner]=engine&metadata[reconcile_trigger]=\(trigger.replacingOccurrences(of: "/", with: "%2F"))"
        }
        return [("https%3A%2F%2Fold.example.com", "charge.refunded", "old/charge.refunded"),
                ("https%3A%2F%2Fdrifted.example.com", "invoice.payment_failed", "dunning/invoice.payment_failed")].map { url, event, trigger in
            let outcome = h.emulator.handle(EmulatorRequest(
                method: "POST", target: "/v1/webhook_endpoints", headers: ["authorization": "Bearer \(h.key)"],
                body: "url=\(url)&enabled_events[0]=\(event)&\(marks(trigger))"))
            guard case .respond(let response, _) = outcome else { return "" }
            let json = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
            return json?["id"] as? String ?? ""
        }
    }

    /// Plans `h`'s account and writes the plan file's bytes, as `--dry-run --plan-out` does.
    static func savedPlan(_ h: EngineHarness) async throws -> SavedPlan {
        let runs = await h.engine().plan([config])
        let saved = SavedPlan(tool: "test", createdAt: 0, configs: [ConfigDigest(path: config.path, sha256: configDigest)],
                              accounts: runs.compactMap { SavedAccount($0) })
        #expect(saved.accounts.count == 1)
        return try PlanFile.decode(PlanFile.encode(saved)).get()
    }

    static func createKeys(_ h: EngineHarness) -> [String] {
        h.emulator.requestLog().filter { $0.method == "POST" && $0.path == "/v1/webhook_endpoints" }.compactMap(\.idempotencyKey).sorted()
    }

    @Test func aCurrentPlanAppliesExactlyItsActionsWithTheKeysOfADirectApply() async throws {
        let direct = EngineHarness(idSeed: 7), later = EngineHarness(idSeed: 7)
        #expect(Self.seed(direct) == Self.seed(later))
        direct.emulator.clearRequestLog()
        #expect(await direct.run([Self.config]).map(\.outcome) == [.applied])

        let saved = try await Self.savedPlan(later)
        later.emulator.clearRequestLog()
        let engine = later.engine()
        let checked = await engine.check(saved, configDigests: [Self.config.path: Self.configDigest])
        #expect(checked.map(\.report.outcome) == [.planned])
        #expect(checked.first?.report.plan == saved.accounts[0].plan)
        let applied = await engine.apply(checked)
        #expect(applied.map(\.report.outcome) == [.applied])

        #expect(!Self.createKeys(direct).isEmpty)
        #expect(Self.createKeys(later) == Self.createKeys(direct))
        // One list, then a delete, an update and a create: exactly the plan's actions.
        #expect(later.emulator.requestLog().map { "\($0.method) \($0.path.hasPrefix("/v1/webhook_endpoints/") ? "one" : "all")" }.sorted()
                == ["DELETE one", "GET all", "POST all", "POST one"])
        #expect(later.endpoints.map(\.url).sorted() == direct.endpoints.map(\.url).sorted())
        #expect(await later.run([Self.config]).first?.plan?.hasChanges == false)
    }

    @Test func anEndpointChangedByHandMakesThePlanStaleAndNothingIsWritten() async throws {
        let h = EngineHarness()
        let ids = Self.seed(h)
        let saved = try await Self.savedPlan(h)
        _ = h.emulator.handle(EmulatorRequest(method: "POST", target: "/v1/webhook_endpoints/\(ids[1])",
                                              headers: ["authorization": "Bearer \(h.key)"], body: "description=by+hand"))
        h.emulator.clearRequestLog()
        let engine = h.engine()
        let checked = await engine.check(saved, configDigests: [Self.config.path: Self.configDigest])
        #expect(checked.map(\.report.outcome) == [.refused])
        let refusal = try #require(checked.first?.report.plan?.refusals.last)
        guard case .stalePlan(.endpointsChanged(let changes)) = refusal else {
            Issue.record("expected endpoints changed, got \(refusal)")
            return
        }
        #expect(changes.changed == [ids[1]] && changes.added.isEmpty && changes.removed.isEmpty)
        _ = await engine.apply(checked)
        #expect(h.writes == 0)
    }

    @Test func anEditedConfigIsStaleBeforeAnyRequest() async throws {
        let h = EngineHarness()
        _ = Self.seed(h)
        let saved = try await Self.savedPlan(h)
        h.emulator.clearRequestLog()
        let checked = await h.engine().check(saved, configDigests: [Self.config.path: SHA256.hex("edited")])
        guard case .stalePlan(let reason) = checked.first?.report.plan?.refusals.last else {
            Issue.record("not refused as stale: \(String(describing: checked.first?.report.plan?.refusals))")
            return
        }
        #expect(reason.message.contains("engine.yaml changed since the plan was made"))
        #expect(h.emulator.requestLog().isEmpty)
    }

    @Test func anotherKeyIsStale() async throws {
        let h = EngineHarness()
        let saved = try await Self.savedPlan(h)
        let checked = await h.engine(environment: ["STRIPE_API_KEY": "sk_test_someone_else"]).check(saved, configDigests: [Self.config.path: Self.configDigest])
        #expect(checked.first?.report.plan?.refusals.last == .stalePlan(.otherKey(keyEnv: "STRIPE_API_KEY")))
    }
}
