import Foundation
import StripeEmulator
import Testing

@Suite struct CatalogTests {
    private static let data = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("data/stripe")

    /// The emulator's compiled-in lists hold exactly the repository's data files (the
    /// core's copy is checked against the same files, by ReconcileCoreTests).
    @Test func bundledListsAreTheDataFiles() throws {
        #expect(StripeCatalog.bundled.eventTypes == (try Self.lines("event-types.txt")))
        #expect(StripeCatalog.bundled.apiVersions == (try Self.lines("api-versions.txt")))
    }

    @Test func catalogIsLoaded() {
        #expect(StripeCatalog.bundled.eventTypes.contains("customer.updated"))
        #expect(StripeCatalog.bundled.apiVersions.contains("2024-06-20"))
    }

    private static func lines(_ name: String) throws -> Set<String> {
        let text = try String(contentsOf: data.appendingPathComponent(name), encoding: .utf8)
        return Set(text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty })
    }
}
