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

    /// The lists bundled with the emulator (`Resources/event-types.txt`, `api-versions.txt`).
    public static let bundled = StripeCatalog(
        eventTypes: Set(lines(of: "event-types")),
        apiVersions: Set(lines(of: "api-versions"))
    )

    /// The text of a bundled list, for the test that compares it with the shared copy.
    public static func bundledText(_ name: String) -> String? {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: name, withExtension: "txt")
        else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }

    private static func lines(of name: String) -> [String] {
        (bundledText(name) ?? "").split(whereSeparator: \.isNewline)
            .map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}
