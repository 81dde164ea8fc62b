import Foundation
import PropertyBased
import ReconcileCore
import StripeEmulator
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
    static let owner = "prop"
    static let events = ["customer.created", "customer.updated", "invoice.paid", "invoice.payment_failed", "charge.refunded", "charge.succeeded", "payment_intent.succeeded"]
    static let workflows = ["alpha", "beta", "gamma"]

    private var generator: Xoshiro
    /// The account's endpoint cap: Stripe's 16, or 300 to hold several pages.
    let cap: Int
    let pages: Bool

    init(seed: UInt64) {
        generator = Xoshiro(seed: (seed, seed ^ 0x9E37_79B9_7F4A_7C15, seed &* 3 | 1, ~seed))
        pages = Double.random(in: 0..<1, using: &generator) < 0.15
        cap = pages ? 300 : 16
    }

    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &generator) < probability }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    mutating func config() -> AccountConfig {
        var triggers: [DeclaredTrigger] = []
        var keys: Set<String> = []
        for _ in 0..<int(0...8) {
            let workflow = pick(Self.workflows), event = pick(Self.events)
            guard keys.insert("\(workflow)/\(event)").inserted else { continue }
            triggers.append(DeclaredTrigger(
                workflow: workflow, event: event, url: "https://hooks.example.com/\(workflow)/\(event)",
                description: chance(0.3) ? "about \(workflow)" : nil, enabled: chance(0.8),
                metadata: chance(0.3) ? ["team": "t\(int(0...2))"] : [:]))
        }
        let byWorkflow = Dictionary(grouping: triggers, by: \.workflow)
        return AccountConfig(
            path: "prop.yaml", stripe: StripeSettings(owner: Self.owner, maxEndpoints: cap),
            workflows: byWorkflow.keys.sorted().map { Workflow(name: $0, triggers: byWorkflow[$0]!) })
    }

    /// Fills the account: managed endpoints (some drifted, duplicated or created with
    /// `connect`), orphans, foreign and unmanaged ones, within room for the triggers.
    mutating func seed(_ h: EngineHarness, for config: AccountConfig) {
        let unmanagedCount = pages ? int(100...140) : int(0...3)
        let foreignCount = int(0...2)
        // What remains after the apply must fit: the triggers, the foreign and unmanaged.
        var room = cap - config.triggers.count - unmanagedCount - foreignCount
        var forms: [String] = []
        for index in 0..<unmanagedCount {
            forms.append(form(url: "https://unmanaged.example.com/\(index)", event: pick(Self.events), metadata: chance(0.3) ? ["team": "x"] : [:]))
        }
        for index in 0..<foreignCount {
            forms.append(form(url: "https://foreign.example.com/\(index)", event: pick(Self.events),
                              metadata: ["managed_by": "reconcile", "reconcile_owner": "someone-else", "reconcile_trigger": "x/\(pick(Self.events))"]))
        }
        for trigger in config.triggers where chance(0.7) {
            for copy in 0..<(chance(0.25) ? 2 : 1) where copy == 0 || room > 0 {
                if copy > 0 { room -= 1 }
                forms.append(managed(trigger))
            }
        }
        for _ in 0..<int(0...3) where room > 0 {
            room -= 1
            forms.append(managed(DeclaredTrigger(workflow: "old", event: pick(Self.events), url: "https://hooks.example.com/old")))
        }
        for body in forms.shuffled(using: &generator) {
            let outcome = h.emulator.handle(EmulatorRequest(
                method: "POST", target: "/v1/webhook_endpoints", headers: ["authorization": "Bearer \(h.key)"], body: body))
            precondition(outcome.response?.status == 200, "seeding failed: \(outcome.response?.bodyText ?? "no response")")
        }
    }

    /// The create form of a managed endpoint for `trigger`, as reconcile creates it, or drifted.
    private mutating func managed(_ trigger: DeclaredTrigger) -> String {
        let desired = DesiredEndpoint(trigger: trigger, owner: Self.owner)
        var metadata = desired.metadata
        if chance(0.2) { metadata["added_by_hand"] = "1" }
        var body = form(url: chance(0.25) ? "https://drifted.example.com/x" : desired.url,
                        event: chance(0.15) ? pick(Self.events) : trigger.event, metadata: metadata)
        body += "&description=" + escape(chance(0.2) ? "edited" : desired.description)
        if chance(0.1) { body += "&connect=true" }
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
