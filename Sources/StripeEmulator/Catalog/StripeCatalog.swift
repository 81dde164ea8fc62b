import Foundation

/// The event types and API versions the emulator accepts: its own copy of Stripe's lists.
public struct StripeCatalog: Sendable {
    /// Event types; `*` is accepted besides these.
    public var eventTypes: Set<String>
    /// API versions accepted in `Stripe-Version` and `api_version`.
    public var apiVersions: Set<String>

    /// Creates a catalog from explicit lists.
    public init(eventTypes: Set<String>, apiVersions: Set<String>) {
        self.eventTypes = eventTypes
        self.apiVersions = apiVersions
    }

    /// The lists compiled into the emulator, generated from `data/stripe/`.
    public static let bundled = StripeCatalog(
        eventTypes: Set(lines(of: eventTypesText)),
        apiVersions: Set(lines(of: apiVersionsText))
    )

    private static func lines(of text: String) -> [String] {
        text.split(whereSeparator: \.isNewline)
            .map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}
