@testable import ReconcileCore

/// Small builders so each planner test states only what it is about.
enum Fixture {
    static let owner = "shop"

    static func config(_ triggers: [DeclaredTrigger], owner: String = owner, maxEndpoints: Int = 16, apiVersion: String? = nil) -> AccountConfig {
        let byWorkflow = Dictionary(grouping: triggers, by: \.workflow)
        let workflows = byWorkflow.keys.sorted().map { Workflow(name: $0, triggers: byWorkflow[$0]!) }
        return AccountConfig(
            path: "shop.yaml",
            stripe: StripeSettings(owner: owner, apiVersion: apiVersion, maxEndpoints: maxEndpoints),
            workflows: workflows
        )
    }

    static func trigger(_ workflow: String = "sync", _ event: String = "customer.updated", url: String? = nil, enabled: Bool = true, apiVersion: String? = nil, connect: Bool = false, metadata: [String: String] = [:]) -> DeclaredTrigger {
        DeclaredTrigger(
            workflow: workflow, event: event, url: url ?? "https://hooks.example.com/\(workflow)/\(event)",
            enabled: enabled, apiVersion: apiVersion, connect: connect, metadata: metadata
        )
    }

    /// The endpoint a fresh create of `trigger` leaves on Stripe.
    static func endpoint(for trigger: DeclaredTrigger, id: String, created: Int = 100, owner: String = owner) -> ObservedEndpoint {
        let desired = DesiredEndpoint(trigger: trigger, owner: owner)
        return ObservedEndpoint(
            id: id, url: desired.url, enabledEvents: desired.enabledEvents, description: desired.description,
            enabled: desired.enabled, apiVersion: desired.apiVersion, application: trigger.connect ? "ca_1" : nil,
            metadata: desired.metadata, created: created
        )
    }

    static func unmanaged(id: String, url: String, events: [String], created: Int = 50) -> ObservedEndpoint {
        ObservedEndpoint(id: id, url: url, enabledEvents: events, created: created)
    }
}

extension Plan {
    /// `name trigger id` per action, compact enough to assert a whole plan at once.
    var outline: [String] {
        actions.map { "\($0.action.name) \($0.trigger ?? "-") \($0.endpointID ?? "new")" }
    }
}
