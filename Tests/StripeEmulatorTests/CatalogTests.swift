import Foundation
import StripeEmulator
import Testing

@Suite struct CatalogTests {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let shared = root.appendingPathComponent("../shared/stripe").standardized

    /// The emulator's own copies of Stripe's lists must equal the shared ones (where the
    /// workspace has them) and the config side's copy (always in the repository).
    @Test(arguments: ["event-types", "api-versions"])
    func bundledCopyEqualsTheOthers(name: String) throws {
        let copies = [Self.shared, Self.root.appendingPathComponent("Sources/ReconcileCore/Catalog/Resources")]
            .map { $0.appendingPathComponent("\(name).txt") }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        #expect(!copies.isEmpty)
        for copy in copies {
            let text = try String(contentsOf: copy, encoding: .utf8)
            #expect(StripeCatalog.bundledText(name) == text, "\(copy.path)")
        }
    }

    @Test func catalogIsLoaded() {
        #expect(StripeCatalog.bundled.eventTypes.contains("customer.updated"))
        #expect(StripeCatalog.bundled.apiVersions.contains("2024-06-20"))
    }
}
