/// Reading an event type as people write it: the type, or its display name.
extension EventCatalog {
    /// What a name given for an event type turned out to be.
    public enum Resolution: Equatable, Sendable {
        /// A known type, or the display name of exactly one (`Customer Updated`).
        case type(String)
        /// A display name several types share.
        case several([String])
        /// Neither; the closest known types, best first.
        case unknown(suggestions: [String])
    }

    /// Resolves `name` (a type or a display name) against the catalog.
    public func resolve(_ name: String) -> Resolution {
        if contains(name) { return .type(name) }
        let named = types(displayName: name)
        if named.count == 1 { return .type(named[0]) }
        if named.count > 1 { return .several(named) }
        return .unknown(suggestions: suggestions(for: name))
    }

    /// "did you mean `x`?" for an unknown name's suggestions, or where to look when there
    /// are none, the command typed as `spelling` says.
    public static func didYouMean(_ suggestions: [String], spelling: OptionSpelling) -> String {
        switch suggestions.count {
        case 0: "`\(spelling(.searchEvents))` lists the known types."
        case 1: "did you mean `\(suggestions[0])`?"
        default: "did you mean one of \(suggestions.map { "`\($0)`" }.joined(separator: ", "))?"
        }
    }
}
