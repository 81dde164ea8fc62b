/// What the loader accepts beyond the bundled catalog.
public struct ConfigLoadOptions: Sendable, Equatable {
    /// Accept a well-formed event type the bundled list lacks (Stripe adds new ones).
    public var allowUnknownEvents: Bool
    /// Accept a well-formed `api_version` the bundled list lacks (`YYYY-MM-DD.name`).
    public var allowUnknownAPIVersions: Bool

    /// Options; by default only the bundled catalog is accepted.
    public init(allowUnknownEvents: Bool = false, allowUnknownAPIVersions: Bool = false) {
        self.allowUnknownEvents = allowUnknownEvents
        self.allowUnknownAPIVersions = allowUnknownAPIVersions
    }
}
