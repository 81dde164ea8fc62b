import ReconcileCore

/// The random account config both property suites start from: up to 8 triggers of 3
/// workflows over a few events, some disabled, described or with metadata.
public enum RandomConfig {
    public static let owner = "prop"
    public static let workflows = ["alpha", "beta", "gamma"]
    public static let events = [
        "customer.created", "customer.updated", "invoice.paid", "invoice.payment_failed", "charge.refunded", "charge.succeeded",
        "payment_intent.succeeded",
    ]

    /// A config of `owner`'s in `prop.yaml`, capped at `maxEndpoints`.
    public static func draw(_ random: inout RandomDraws, maxEndpoints: Int) -> AccountConfig {
        var triggers: [DeclaredTrigger] = []
        var keys: Set<String> = []
        for _ in 0..<random.int(0...8) {
            let workflow = random.pick(workflows), event = random.pick(events)
            guard keys.insert("\(workflow)/\(event)").inserted else { continue }
            triggers.append(DeclaredTrigger(
                workflow: workflow, event: event, url: "https://hooks.example.com/\(workflow)/\(event)",
                description: random.chance(0.3) ? "about \(workflow)" : nil, enabled: random.chance(0.8),
                metadata: random.chance(0.3) ? ["team": "t\(random.int(0...2))"] : [:]))
        }
        let byWorkflow = Dictionary(grouping: triggers, by: \.workflow)
        return AccountConfig(
            path: "prop.yaml", stripe: StripeSettings(owner: owner, maxEndpoints: maxEndpoints),
            workflows: byWorkflow.keys.sorted().map { Workflow(name: $0, triggers: byWorkflow[$0]!) })
    }
}
