extension FieldValue {
    /// The value as a plan shows it: strings quoted, lists bracketed.
    public var display: String {
        switch self {
        case .string(let text): "\"\(text)\""
        case .bool(let flag): flag ? "true" : "false"
        case .list(let items): "[" + items.joined(separator: ", ") + "]"
        case .map(let map): "{" + map.sorted { $0.key < $1.key }.map { "\($0.key): \"\($0.value)\"" }.joined(separator: ", ") + "}"
        }
    }
}

extension FieldChange {
    /// One line per changed value: metadata is shown key by key.
    public var displayLines: [(name: String, from: String, to: String)] {
        if field == .metadata, case .map(let new)? = to {
            let old: [String: String] = if case .map(let map)? = from { map } else { [:] }
            return Set(old.keys).union(new.keys).sorted().compactMap { key in
                guard old[key] != new[key] else { return nil }
                return ("metadata.\(key)", old[key].map { "\"\($0)\"" } ?? "(none)", new[key].map { "\"\($0)\"" } ?? "(none)")
            }
        }
        return [(field.rawValue, from?.display ?? "(none)", to?.display ?? "(none)")]
    }
}

extension DesiredEndpoint {
    /// The fields a create sets, as changes from nothing.
    public var creationChanges: [FieldChange] {
        var changes = [
            FieldChange(.url, from: nil, to: .string(url)),
            FieldChange(.enabledEvents, from: nil, to: .list(enabledEvents)),
            FieldChange(.description, from: nil, to: .string(description)),
            FieldChange(.enabled, from: nil, to: .bool(enabled)),
        ]
        if let apiVersion { changes.append(FieldChange(.apiVersion, from: nil, to: .string(apiVersion))) }
        if connect { changes.append(FieldChange(.connect, from: nil, to: .bool(true))) }
        changes.append(FieldChange(.metadata, from: nil, to: .map(metadata)))
        return changes
    }
}

extension Action {
    /// The field changes the action makes, for every renderer.
    public var changes: [FieldChange] {
        switch self {
        case .create(let desired): desired.creationChanges
        case .update(_, let changes), .adopt(_, let changes), .replace(_, _, let changes, _): changes
        case .delete, .unchanged: []
        }
    }

    /// The action's name in plans and JSON.
    public var name: String {
        switch self {
        case .create: "create"
        case .update: "update"
        case .adopt: "adopt"
        case .replace: "replace"
        case .delete: "delete"
        case .unchanged: "unchanged"
        }
    }

    /// Why, where the action has a reason worth a note.
    public var note: String? {
        switch self {
        case .delete(_, .orphan): "trigger no longer declared"
        case .delete(_, .duplicate(let keeper)): "duplicate of \(keeper)"
        case .replace(_, _, _, true): "old endpoint deleted first: max_endpoints leaves no room"
        case .replace: "create-only field changed: new endpoint, new signing secret"
        case .adopt: "unmanaged endpoint with this url, marked and fixed"
        case .create, .update, .unchanged: nil
        }
    }
}
