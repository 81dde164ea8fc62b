import TestSupport
@testable import ReconcileCore

/// A random config and account state, drawn from one seed.
struct RandomScenario {
    static let owner = RandomConfig.owner

    /// Every draw, from the one seed.
    var random: RandomDraws
    /// Strings from Stripe carry control characters, quotes, pipes and backticks.
    let hostileText: Bool
    private var nextID = 0

    init(seed: UInt64, hostileText: Bool = false) {
        random = RandomDraws(seed: seed)
        self.hostileText = hostileText
    }

    /// Text as Stripe or a file might hold it: plain, or with control characters.
    mutating func text() -> String {
        guard hostileText else { return "text\(random.int(0...99))" }
        let pieces = ["a", "é", " ", "|", "`", "\"", "\n", "\r", "\t", "\u{1B}[2J", "\u{1B}]0;t\u{07}", "\u{7F}", "\u{9B}", "\u{202E}", "\u{0}", "\u{2028}"]
        return (0..<random.int(0...6)).map { _ in random.pick(pieces) }.joined()
    }

    /// A random config with a random cap.
    mutating func config() -> AccountConfig {
        let cap = random.pick([4, 8, 16, 16, 200])
        return RandomConfig.draw(&random, maxEndpoints: cap)
    }

    /// Managed (some drifted, some duplicated), orphaned, foreign and unmanaged endpoints.
    mutating func observed(for config: AccountConfig) -> [ObservedEndpoint] {
        var endpoints: [ObservedEndpoint] = []
        for trigger in config.triggers where random.chance(0.6) {
            for _ in 0..<(random.chance(0.2) ? 2 : 1) { endpoints.append(managed(trigger)) }
        }
        for _ in 0..<random.int(0...3) {
            endpoints.append(managed(DeclaredTrigger(workflow: "old", event: random.pick(RandomConfig.events), url: "https://hooks.example.com/old")))
        }
        for _ in 0..<random.int(0...2) {
            var foreign = managed(DeclaredTrigger(workflow: "theirs", event: random.pick(RandomConfig.events), url: "https://other.example.com/x"))
            foreign.metadata["reconcile_owner"] = "someone-else"
            endpoints.append(foreign)
        }
        for _ in 0..<random.int(0...3) {
            endpoints.append(ObservedEndpoint(id: id(), url: "https://unmanaged.example.com/\(text())", enabledEvents: [random.pick(RandomConfig.events)],
                                              description: random.chance(0.5) ? text() : nil, metadata: random.chance(0.5) ? [text(): text()] : [:], created: random.int(1...1000)))
        }
        return random.shuffled(endpoints)
    }

    private mutating func id() -> String {
        nextID += 1
        return "we_\(nextID)" + (hostileText && random.chance(0.3) ? text() : "")
    }

    /// A managed endpoint for `trigger`, as created, or drifted.
    private mutating func managed(_ trigger: DeclaredTrigger) -> ObservedEndpoint {
        let desired = DesiredEndpoint(trigger: trigger, owner: Self.owner)
        var endpoint = ObservedEndpoint(
            id: id(), url: desired.url, enabledEvents: desired.enabledEvents, description: desired.description,
            enabled: desired.enabled, apiVersion: desired.apiVersion, metadata: desired.metadata, created: random.int(1...1000))
        if random.chance(0.3) { endpoint.url = "https://drifted.example.com/\(text())" }
        if random.chance(0.2) { endpoint.description = text() }
        if random.chance(0.2) { endpoint.metadata[text()] = text() }
        if random.chance(0.1) { endpoint.enabled.toggle() }
        if random.chance(0.1) { endpoint.apiVersion = "2020-08-27" }
        return endpoint
    }
}
