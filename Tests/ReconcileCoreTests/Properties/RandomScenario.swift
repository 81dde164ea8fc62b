import PropertyBased
@testable import ReconcileCore

/// A random config and account state, drawn from one seed.
struct RandomScenario {
    static let events = ["customer.created", "customer.updated", "invoice.paid", "invoice.payment_failed", "charge.refunded", "charge.succeeded"]
    static let workflows = ["alpha", "beta", "gamma"]
    static let owner = "prop"

    private var generator: Xoshiro
    /// Strings from Stripe carry control characters, quotes, pipes and backticks.
    let hostileText: Bool
    private var nextID = 0

    init(seed: UInt64, hostileText: Bool = false) {
        generator = Xoshiro(seed: (seed, seed ^ 0x9E37_79B9_7F4A_7C15, seed &* 3 | 1, ~seed))
        self.hostileText = hostileText
    }

    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &generator) < probability }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// Text as Stripe or a file might hold it: plain, or with control characters.
    mutating func text() -> String {
        guard hostileText else { return "text\(int(0...99))" }
        let pieces = ["a", "é", " ", "|", "`", "\"", "\n", "\r", "\t", "\u{1B}[2J", "\u{1B}]0;t\u{07}", "\u{7F}", "\u{9B}", "\u{202E}", "\u{0}", "\u{2028}"]
        return (0..<int(0...6)).map { _ in pick(pieces) }.joined()
    }

    /// Up to 8 triggers of 3 workflows, a random cap.
    mutating func config() -> AccountConfig {
        var triggers: [DeclaredTrigger] = []
        var keys: Set<String> = []
        for _ in 0..<int(0...8) {
            let workflow = pick(Self.workflows), event = pick(Self.events)
            guard keys.insert("\(workflow)/\(event)").inserted else { continue }
            triggers.append(DeclaredTrigger(
                workflow: workflow, event: event, url: "https://hooks.example.com/\(workflow)/\(event)",
                enabled: chance(0.8), metadata: chance(0.3) ? ["team": "t\(int(0...2))"] : [:]))
        }
        let byWorkflow = Dictionary(grouping: triggers, by: \.workflow)
        return AccountConfig(
            path: "prop.yaml",
            stripe: StripeSettings(owner: Self.owner, maxEndpoints: pick([4, 8, 16, 16, 200])),
            workflows: byWorkflow.keys.sorted().map { Workflow(name: $0, triggers: byWorkflow[$0]!) })
    }

    /// Managed (some drifted, some duplicated), orphaned, foreign and unmanaged endpoints.
    mutating func observed(for config: AccountConfig) -> [ObservedEndpoint] {
        var endpoints: [ObservedEndpoint] = []
        for trigger in config.triggers where chance(0.6) {
            for _ in 0..<(chance(0.2) ? 2 : 1) { endpoints.append(managed(trigger)) }
        }
        for _ in 0..<int(0...3) {
            endpoints.append(managed(DeclaredTrigger(workflow: "old", event: pick(Self.events), url: "https://hooks.example.com/old")))
        }
        for _ in 0..<int(0...2) {
            var foreign = managed(DeclaredTrigger(workflow: "theirs", event: pick(Self.events), url: "https://other.example.com/x"))
            foreign.metadata["reconcile_owner"] = "someone-else"
            endpoints.append(foreign)
        }
        for _ in 0..<int(0...3) {
            endpoints.append(ObservedEndpoint(id: id(), url: "https://unmanaged.example.com/\(text())", enabledEvents: [pick(Self.events)],
                                              description: chance(0.5) ? text() : nil, metadata: chance(0.5) ? [text(): text()] : [:], created: int(1...1000)))
        }
        return endpoints.shuffled(using: &generator)
    }

    private mutating func id() -> String {
        nextID += 1
        return "we_\(nextID)" + (hostileText && chance(0.3) ? text() : "")
    }

    /// A managed endpoint for `trigger`, as created, or drifted.
    private mutating func managed(_ trigger: DeclaredTrigger) -> ObservedEndpoint {
        let desired = DesiredEndpoint(trigger: trigger, owner: Self.owner)
        var endpoint = ObservedEndpoint(
            id: id(), url: desired.url, enabledEvents: desired.enabledEvents, description: desired.description,
            enabled: desired.enabled, apiVersion: desired.apiVersion, metadata: desired.metadata, created: int(1...1000))
        if chance(0.3) { endpoint.url = "https://drifted.example.com/\(text())" }
        if chance(0.2) { endpoint.description = text() }
        if chance(0.2) { endpoint.metadata[text()] = text() }
        if chance(0.1) { endpoint.enabled.toggle() }
        if chance(0.1) { endpoint.apiVersion = "2020-08-27" }
        return endpoint
    }
}
