import Foundation
import ReconcileCore
import StripeEmulator
import Testing
@testable import Reconciler

@Suite struct EngineTests {
    let triggers = [("sync", "customer.updated"), ("dunning", "invoice.payment_failed"), ("paid", "invoice.paid")]

    @Test func appliesThenHasNothingToDo() async throws {
        let h = EngineHarness()
        let first = await h.run([account(triggers)])
        #expect(first.map(\.outcome) == [.applied])
        #expect(h.endpoints.count == 3)
        #expect(h.writes == 3)
        h.emulator.clearRequestLog()
        let second = await h.run([account(triggers)])
        #expect(second[0].plan?.hasChanges == false)
        #expect(h.emulator.requestLog().count == 1)
    }

    @Test func disabledTriggerIsCreatedThenDisabled() async throws {
        let h = EngineHarness()
        var config = account([("sync", "customer.updated")])
        config.workflows[0].triggers[0].enabled = false
        _ = await h.run([config])
        #expect(h.endpoints.map(\.status) == ["disabled"])
        #expect(h.emulator.requestLog().filter(\.isWrite).map(\.method) == ["POST", "POST"])
    }

    @Test func aCreateAfterTheEndpointWasDeletedIsNotAStaleReplay() async throws {
        let h = EngineHarness()
        let config = account([("sync", "customer.updated")])
        _ = await h.run([config])
        let first = try #require(h.endpoints.first)
        // Someone deletes it: the account is back in the state the first run planned from,
        // so the same idempotency key comes out, and Stripe replays the deleted endpoint.
        _ = h.emulator.handle(EmulatorRequest(method: "DELETE", target: "/v1/webhook_endpoints/\(first.id)", headers: ["authorization": "Bearer \(h.key)"]))
        let report = await h.run([config])
        #expect(report.map(\.outcome) == [.applied])
        #expect(h.endpoints.count == 1)
        #expect(h.endpoints.first?.id != first.id)
        #expect(h.emulator.requestLog().contains { $0.replayed })
    }

    @Test func lostCreateResponsesAreRetriedOnceAppliedAndSecretsKept() async throws {
        let h = EngineHarness(faults: EmulatorFaults(lost: 0.3, writesOnly: true), seed: 7)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("engine-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let secrets = try SecretsFile(path: folder.appendingPathComponent("secrets.json").path)
        let report = await h.run([account(triggers)], secrets: secrets)
        #expect(report.map(\.outcome) == [.applied])
        #expect(h.emulator.requestLog().contains { $0.status == .lost })
        #expect(h.endpoints.count == 3, "a lost response must not lead to a second endpoint")
        for endpoint in h.endpoints {
            let trigger = endpoint.metadata["reconcile_trigger"] ?? ""
            #expect(await secrets.entry("engine/\(trigger)")?.secret == endpoint.secret)
        }
    }

    @Test func aFailureSaysHowFarItGot() async throws {
        // The emulator's cap is lower than the config's: the third create is refused.
        let h = EngineHarness(maxEndpoints: 2)
        let report = await h.run([account(triggers)])
        guard case .failed(let message, let completed) = report[0].outcome else {
            Issue.record("expected a failure, got \(report[0].outcome)")
            return
        }
        #expect(completed == 2)
        #expect(message.contains("create"))
        #expect(message.contains("maximum"))
        #expect(h.endpoints.count == 2)
    }

    @Test func oneAccountFailingDoesNotStopTheOthers() async throws {
        let h = EngineHarness()
        let good = account([("sync", "customer.updated")])
        let missing = account([("sync", "customer.updated")], owner: "other", keyEnv: "OTHER_KEY", path: "other.yaml")
        let report = await h.run([missing, good])
        #expect(report.map(\.outcome.name) == ["failed", "applied"])
        guard case .failed(let message, _) = report[0].outcome else { return }
        #expect(message.contains("OTHER_KEY is not set"))
        #expect(h.endpoints.count == 1)
    }

    @Test func idempotencyKeysAreStableAcrossRunsThatSawTheSameState() {
        let observed = [ObservedEndpoint(id: "we_1", url: "https://a", enabledEvents: ["x"], metadata: ["b": "2", "a": "1"])]
        let one = IdempotencyKey.make(account: "acct_1", trigger: "o/t", step: "create", observed: observed, payload: "p")
        #expect(one == IdempotencyKey.make(account: "acct_1", trigger: "o/t", step: "create", observed: observed.reversed(), payload: "p"))
        #expect(one != IdempotencyKey.make(account: "acct_1", trigger: "o/t", step: "create", observed: [], payload: "p"))
        #expect(one != IdempotencyKey.make(account: "acct_1", trigger: "o/t", step: "create", observed: observed, payload: "p", attempt: 1))
        #expect(one.count <= 255)
    }
}
