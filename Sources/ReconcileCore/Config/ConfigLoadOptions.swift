/// What the loader accepts beyond the bundled catalog, and how its hints type the options
/// that would accept more.
public struct ConfigLoadOptions: Sendable {
    /// How a hint types an option (`--allow-unknown-events`) or a command.
    public var spelling: OptionSpelling
    /// Accept a well-formed event type the bundled list lacks (Stripe adds new ones).
    public var allowUnknownEvents: Bool
    /// Accept a well-formed `api_version` the bundled list lacks (`YYYY-MM-DD.name`).
    public var allowUnknownAPIVersions: Bool

    /// Options; by default only the bundled catalog is accepted.
    public init(spelling: OptionSpelling, allowUnknownEvents: Bool = false, allowUnknownAPIVersions: Bool = false) {
        self.spelling = spelling
        self.allowUnknownEvents = allowUnknownEvents
        self.allowUnknownAPIVersions = allowUnknownAPIVersions
    }
}
