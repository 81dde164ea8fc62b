/// The listed endpoints sorted by ownership, as one config's owner sees them.
struct Inventory {
    /// Managed endpoints in the run's scope by trigger key, oldest first.
    var managed: [String: [ObservedEndpoint]] = [:]
    /// Unmanaged endpoints, oldest first: the adoption candidates.
    var unmanaged: [ObservedEndpoint] = []
    var foreign: Set<String> = []

    init(observed: [ObservedEndpoint], owner: String, options: PlanOptions) {
        // Stripe lists newest first and `created` has one-second steps: within a second,
        // the later in the list is the older. Every run sees the same order, so agrees.
        let oldestFirst = observed.enumerated().sorted { ($0.element.created, -$0.offset) < ($1.element.created, -$1.offset) }
        for (_, endpoint) in oldestFirst {
            switch OwnershipMarks.ownership(of: endpoint, owner: owner) {
            case .managed(let key) where options.isTargeted(key):
                managed[key, default: []].append(endpoint)
            case .managed:
                // Ours, but outside this run's --target scope: left as it is.
                continue
            case .foreign:
                foreign.insert(endpoint.id)
            case .unmanaged:
                unmanaged.append(endpoint)
            }
        }
    }

    var managedCount: Int { managed.values.reduce(0) { $0 + $1.count } }

    /// Whether the endpoint is someone else's (foreign or unmanaged).
    func isUntouchable(_ endpoint: ObservedEndpoint) -> Bool {
        foreign.contains(endpoint.id) || unmanaged.contains { $0.id == endpoint.id }
    }
}
