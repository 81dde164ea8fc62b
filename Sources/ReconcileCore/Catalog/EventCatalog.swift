/// Stripe's webhook event types: lookup, search, display names and suggestions.
public struct EventCatalog: Sendable {
    /// Every known event type, sorted.
    public let types: [String]
    private let known: Set<String>
    private let byDisplayName: [String: [String]]

    /// The catalog bundled with this build (`data/stripe/event-types.txt`).
    public static let bundled = EventCatalog(types: bundledTypes)

    /// A catalog of the given event types.
    public init(types: [String]) {
        self.types = types.sorted()
        known = Set(types)
        byDisplayName = Dictionary(grouping: types, by: EventCatalog.displayKey)
    }

    /// Whether `type` is a known event type, exactly.
    public func contains(_ type: String) -> Bool { known.contains(type) }

    /// Whether `type` has the shape of an event type (`word.word...`, lower case, digits and
    /// `_`), so it may be a type newer than the bundled list.
    public static func isWellFormed(_ type: String) -> Bool {
        let parts = type.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        }
    }

    /// The types whose display name is `name`: `Customer Subscription Updated` names
    /// `customer.subscription.updated`. Compared case-insensitively, `.` and `_` read as spaces.
    public func types(displayName name: String) -> [String] {
        byDisplayName[EventCatalog.displayKey(name)] ?? []
    }

    /// The types matching `word`: a case-insensitive substring of the type or of its
    /// display name (`payment failed` finds `invoice.payment_failed`).
    public func search(_ word: String) -> [String] {
        guard word.utf8.count <= Self.longestQuery else { return [] }
        let needle = word.lowercased()
        let spaced = EventCatalog.displayKey(word)
        return types.filter { type in
            type.lowercased().contains(needle) || (!spaced.isEmpty && EventCatalog.displayKey(type).contains(spaced))
        }
    }

    /// The longest text searched or compared for suggestions, in bytes: twice the longest
    /// event type, so a pasted megabyte costs nothing to look up (it took 11 s).
    public static let longestQuery = 128

    /// The known types closest to `type` by edit distance, best first, for "did you mean";
    /// none for a text longer than ``longestQuery``, which is no typo of an event type.
    public func suggestions(for type: String, limit: Int = 3) -> [String] {
        guard type.utf8.count <= Self.longestQuery else { return [] }
        // Compared as words, so a display name with a typo finds its type too.
        let close = EditDistance.closest(to: EventCatalog.displayKey(type), in: types.map(EventCatalog.displayKey), limit: limit)
        if !close.isEmpty { return close.compactMap { byDisplayName[$0]?.first } }
        // A partial name (`subscription.updated`) is far from its full name by edit
        // distance but is a clear suffix or fragment of it.
        let lowered = type.lowercased()
        guard lowered.count >= 4 else { return [] }
        return Array(types.filter { $0.hasSuffix("." + lowered) || $0.contains(lowered) }.prefix(limit))
    }

    /// A type's words, lower-cased and single-spaced: the form display names are compared in.
    static func displayKey(_ name: String) -> String {
        name.lowercased()
            .split(whereSeparator: { $0 == "." || $0 == "_" || $0.isWhitespace })
            .joined(separator: " ")
    }
}
