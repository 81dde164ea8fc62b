import ReconcileCore

/// The parameters of one update request, derived from a plan's field changes.
public struct EndpointUpdate: Sendable, Equatable {
    public var url: String?
    public var enabledEvents: [String]?
    public var description: String?
    public var disabled: Bool?
    /// Keys to set; a `nil` value unsets the key (`metadata[k]=`).
    public var metadata: [String: String?] = [:]

    public init(url: String? = nil, enabledEvents: [String]? = nil, description: String? = nil, disabled: Bool? = nil, metadata: [String: String?] = [:]) {
        self.url = url
        self.enabledEvents = enabledEvents
        self.description = description
        self.disabled = disabled
        self.metadata = metadata
    }

    /// The update that makes the in-place `changes`; create-only fields are ignored
    /// (the planner turns those into a replace).
    public init(changes: [FieldChange]) {
        for change in changes {
            switch (change.field, change.to) {
            case (.url, .string(let url)?): self.url = url
            case (.enabledEvents, .list(let events)?): enabledEvents = events
            case (.description, .string(let text)?): description = text
            case (.enabled, .bool(let enabled)?): disabled = !enabled
            case (.metadata, .map(let wanted)?):
                let old: [String: String] = if case .map(let map)? = change.from { map } else { [:] }
                // Only what differs is sent, and keys added elsewhere are unset.
                for (key, value) in wanted where old[key] != value { metadata[key] = .some(value) }
                for key in old.keys where wanted[key] == nil { metadata[key] = .some(nil) }
            default: continue
            }
        }
    }
}
