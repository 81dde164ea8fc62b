import Foundation
import PropertyBased
import ReconcileCore
import StripeEmulator
import TestSupport
import Testing
@testable import Reconciler

/// After one apply against the in-process emulator, whatever the account held (managed,
/// duplicated, drifted, foreign, unmanaged, several pages): exactly one single-event
/// endpoint per trigger, no foreign or unmanaged endpoint changed, and a second plan is
/// empty. Each case comes from one 64-bit seed, the input printed on failure with the
/// library's `.fixedSeed`.
@Suite struct ConvergenceProperties {
    @Test func oneApplyConvergesAndLeavesOthersAlone() async {
        await propertyCheck(count: 60, input: Gen.uint64()) { seed in
            var scenario = AccountScenario(seed: seed)
            let h = EngineHarness(maxEndpoints: scenario.cap)
            let config = scenario.config()
            scenario.seed(h, for: config)
            let others = Self.untouchables(h)

            let report = await h.run([config], PlanOptions(allowDeletes: true, allowReplace: true))
            #expect(report.map(\.outcome) == [.applied], "seed \(seed): \(report.map(\.outcome))")

            let managed = h.endpoints.filter { $0.metadata["managed_by"] == "reconcile" && $0.metadata["reconcile_owner"] == AccountScenario.owner }
            let byTrigger = Dictionary(grouping: managed) { $0.metadata["reconcile_trigger"] ?? "" }
            #expect(Set(byTrigger.keys) == Set(config.triggers.map(\.key)), "seed \(seed): managed \(byTrigger.keys.sorted())")
            for trigger in config.triggers {
                let found = byTrigger[trigger.key] ?? []
                #expect(found.count == 1, "seed \(seed): \(found.count) endpoints for \(trigger.key)")
                #expect(found.first?.enabledEvents == [trigger.event], "seed \(seed): \(trigger.key)")
                #expect(found.first?.url == trigger.url, "seed \(seed): \(trigger.key)")
                #expect(found.first?.status == (trigger.enabled ? "enabled" : "disabled"), "seed \(seed): \(trigger.key)")
            }
            #expect(Self.untouchables(h) == others, "seed \(seed): a foreign or unmanaged endpoint changed")

            let again = await h.run([config], PlanOptions())
            #expect(again.first?.plan?.hasChanges == false, "seed \(seed): \(again.first?.plan?.actions.map(\.action.name) ?? [])")
            #expect(again.first?.plan?.refusals.isEmpty == true, "seed \(seed)")
        }
    }

    /// Every endpoint that is not this owner's, as JSON.
    static func untouchables(_ h: EngineHarness) -> [String: String] {
        var result: [String: String] = [:]
        for endpoint in h.endpoints where !(endpoint.metadata["managed_by"] == "reconcile" && endpoint.metadata["reconcile_owner"] == AccountScenario.owner) {
            result[endpoint.id] = "\(endpoint.url) \(endpoint.enabledEvents) \(endpoint.description ?? "-") \(endpoint.status) \(endpoint.metadata.sorted { $0.key < $1.key }) \(endpoint.apiVersion ?? "-") \(endpoint.application ?? "-")"
        }
        return result
    }
}

/// A random config and the account it meets, from one seed.
struct AccountScenario {
    static let owner = RandomConfig.owner

    private var random: RandomDraws
    /// The account's endpoint cap: Stripe's 16, or 300 to hold several pages.
    let cap: Int
    let pages: Bool

    init(seed: UInt64) {
        random = RandomDraws(seed: seed)
        pages = random.chance(0.15)
        cap = pages ? 300 : 16
    }

    mutating func config() -> AccountConfig {
        RandomConfig.draw(&random, maxEndpoints: cap)
    }

    /// Fills the account: managed endpoints (some drifted, duplicated or created with
    /// `connect`), orphans, foreign and unmanaged ones, within room for the triggers.
    mutating func seed(_ h: EngineHarness, for config: AccountConfig) {
        let unmanagedCount = pages ? random.int(100...140) : random.int(0...3)
        let foreignCount = random.int(0...2)
        // What remains after the apply must fit: the triggers, the foreign and unmanaged.
        var room = cap - config.triggers.count - unmanagedCount - foreignCount
        var forms: [String] = []
        for index in 0..<unmanagedCount {
            forms.append(form(url: "https://unmanaged.example.com/\(index)", event: random.pick(RandomConfig.events), metadata: random.chance(0.3) ? ["team": "x"] : [:]))
        }
        for index in 0..<foreignCount {
            forms.append(form(url: "https://foreign.example.com/\(index)", event: random.pick(RandomConfig.events),
                              metadata: ["managed_by": "reconcile", "reconcile_owner": "someone-else", "reconcile_trigger": "x/\(random.pick(RandomConfig.events))"]))
        }
        for trigger in config.triggers where random.chance(0.7) {
            for copy in 0..<(random.chance(0.25) ? 2 : 1) where copy == 0 || room > 0 {
                if copy > 0 { room -= 1 }
                forms.append(managed(trigger))
            }
        }
        for _ in 0..<random.int(0...3) where room > 0 {
            room -= 1
            forms.append(managed(DeclaredTrigger(workflow: "old", event: random.pick(RandomConfig.events), url: "https://hooks.example.com/old")))
        }
        for body in random.shuffled(forms) {
            let outcome = h.emulator.handle(EmulatorRequest(
                method: "POST", target: "/v1/webhook_endpoints", headers: ["authorization": "Bearer \(h.key)"], body: body))
            precondition(outcome.response?.status == 200, "seeding failed: \(outcome.response?.bodyText ?? "no response")")
        }
    }

    /// The create form of a managed endpoint for `trigger`, as reconcile creates it, or drifted.
    private mutating func managed(_ trigger: DeclaredTrigger) -> String {
        let desired = DesiredEndpoint(trigger: trigger, owner: Self.owner)
        var metadata = desired.metadata
        if random.chance(0.2) { metadata["added_by_hand"] = "1" }
        var body = form(url: random.chance(0.25) ? "https://drifted.example.com/x" : desired.url,
                        event: random.chance(0.15) ? random.pick(RandomConfig.events) : trigger.event, metadata: metadata)
        body += "&description=" + escape(random.chance(0.2) ? "edited" : desired.description)
        if random.chance(0.1) { body += "&connect=true" }
        return body
    }

    private func form(url: String, event: String, metadata: [String: String]) -> String {
        var body = "url=\(escape(url))&enabled_events[0]=\(escape(event))"
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) { body += "&metadata[\(escape(key))]=\(escape(value))" }
        return body
    }

    private func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
