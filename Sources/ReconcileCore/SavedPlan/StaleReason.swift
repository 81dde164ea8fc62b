/// Why a saved plan no longer applies to an account: what it was computed from changed.
public enum StaleReason: Sendable, Equatable, Codable {
    /// The config file's bytes differ from those planned (`sha256` digests, short).
    case configChanged(path: String, planned: String, now: String)
    /// The config file cannot be read any more.
    case configMissing(path: String)
    /// The account's endpoints differ from those listed when planning.
    case endpointsChanged(EndpointChanges)
    /// The key in `keyEnv` is not the one the plan was made with (another account, or a
    /// rotated key: the idempotency keys would differ).
    case otherKey(keyEnv: String)

    /// What changed, naming the file or the endpoints.
    public var message: String {
        switch self {
        case .configChanged(let path, let planned, let now):
            "\(path) changed since the plan was made (sha256 \(planned.prefix(12)) then, \(now.prefix(12)) now)"
        case .configMissing(let path):
            "\(path) cannot be read, and the plan was made from it"
        case .endpointsChanged(let changes):
            "the account's webhook endpoints changed since the plan was made (\(changes.description)), by hand or by another run"
        case .otherKey(let keyEnv):
            "\(keyEnv) holds another API key than the one the plan was made with (another account, or a rotated key)"
        }
    }
}

/// Endpoints listed now compared with those listed when a plan was made, by id.
public struct EndpointChanges: Sendable, Equatable, Codable {
    public var changed: [String]
    public var added: [String]
    public var removed: [String]

    /// Compares two `id → digest` maps; ids sorted in each list.
    public init(planned: [String: String], now: [String: String]) {
        changed = planned.keys.filter { id in now[id].map { $0 != planned[id] } ?? false }.sorted()
        added = now.keys.filter { planned[$0] == nil }.sorted()
        removed = planned.keys.filter { now[$0] == nil }.sorted()
    }

    public var isEmpty: Bool { changed.isEmpty && added.isEmpty && removed.isEmpty }

    /// `changed: we_1, we_2; created: we_3; deleted: we_4`.
    public var description: String {
        [("changed", changed), ("created", added), ("deleted", removed)]
            .filter { !$0.1.isEmpty }
            .map { "\($0.0): \($0.1.joined(separator: ", "))" }
            .joined(separator: "; ")
    }
}
