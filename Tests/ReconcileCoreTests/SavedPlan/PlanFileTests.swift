import Foundation
import Testing
@testable import ReconcileCore

/// The plan file: round trip, format and version, checksum, and what it must not hold.
@Suite struct PlanFileTests {
    static func sample() -> SavedPlan {
        let create = Fixture.trigger("sync", "customer.updated", enabled: false, metadata: ["team": "crm"])
        let update = Fixture.trigger("dunning", "invoice.payment_failed")
        var drifted = Fixture.endpoint(for: update, id: "we_2")
        drifted.url = "https://old.example.com/x"
        let replaced = Fixture.trigger("bill", "invoice.paid", apiVersion: "2024-06-20")
        let config = Fixture.config([create, update, replaced])
        var oldVersion = Fixture.endpoint(for: replaced, id: "we_3")
        oldVersion.apiVersion = "2023-10-16"
        let observed = [drifted, oldVersion,
                        Fixture.unmanaged(id: "we_u", url: "https://zapier.example.com", events: ["*"])]
        let plan = Planner.plan(config: config, observed: observed, options: PlanOptions(allowReplace: true))
        return SavedPlan(
            tool: "reconcile 0.2.0 (stripe api 2026-10-28.endive)", createdAt: 1_764_600_000,
            configs: [ConfigDigest(path: "shop.yaml", sha256: SHA256.hex("version: 1"))],
            accounts: [SavedAccount(config: "shop.yaml", owner: Fixture.owner, apiKeyEnv: "STRIPE_API_KEY", mode: .test,
                                    account: "acct_0123456789abcdef", endpoints: observed.digests, plan: plan)])
    }

    @Test func roundTripKeepsEveryAction() throws {
        let plan = Self.sample()
        // The sample covers each kind of action that carries data.
        let names = Set(plan.accounts[0].plan.actions.map(\.action.name))
        #expect(names.isSuperset(of: ["create", "update", "replace"]))
        #expect(try PlanFile.decode(PlanFile.encode(plan)).get() == plan)
    }

    @Test func statesItsFormatAndVersion() throws {
        let object = try JSONSerialization.jsonObject(with: PlanFile.encode(Self.sample())) as? [String: Any]
        #expect(object?["format"] as? String == "reconcile-plan")
        #expect(object?["format_version"] as? Int == 1)
        #expect((object?["checksum"] as? String)?.hasPrefix("sha256:") == true)
    }

    @Test func aHandEditIsRefused() throws {
        let text = String(decoding: PlanFile.encode(Self.sample()), as: UTF8.self)
        let edited = text.replacingOccurrences(of: "https://hooks.example.com/sync/customer.updated", with: "https://evil.example.com/x")
        #expect(edited != text)
        #expect(PlanFile.decode(Data(edited.utf8)) == .failure(.checksumMismatch))
        // Reformatting alone changes nothing the checksum covers.
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let compact = try JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes])
        #expect(try PlanFile.decode(compact).get() == Self.sample())
    }

    @Test func anotherFormatVersionIsRefusedBeforeItsShape() {
        let data = Data(#"{"format": "reconcile-plan", "format_version": 2, "plan": {"something": "new"}}"#.utf8)
        #expect(PlanFile.decode(data) == .failure(.otherVersion(2)))
        #expect(PlanFileError.otherVersion(2).message(spelling: .test).contains("format version 2"))
    }

    @Test(arguments: ["", "[1, 2]", "{\"format\": \"terraform\"}", "not json {"])
    func notAPlanIsRefused(text: String) {
        guard case .failure(let error) = PlanFile.decode(Data(text.utf8)) else {
            Issue.record("accepted \(text)")
            return
        }
        #expect(error == .notJSON || error == .notAPlan)
    }

    @Test func aMalformedPlanNamesWhatIsMissing() {
        let data = Data(#"{"format": "reconcile-plan", "format_version": 1, "checksum": "sha256:0", "plan": {"tool": "x"}}"#.utf8)
        guard case .failure(.malformed(let what)) = PlanFile.decode(data) else {
            Issue.record("expected malformed")
            return
        }
        #expect(what.contains("created_at") || what.contains("configs") || what.contains("accounts"))
    }

    @Test func holdsNoKeyAndNoSecret() {
        let text = String(decoding: PlanFile.encode(Self.sample()), as: UTF8.self)
        #expect(SecretPattern.matches(in: text).isEmpty)
        #expect(text.contains("\"api_key_env\" : \"STRIPE_API_KEY\""))
    }
}
