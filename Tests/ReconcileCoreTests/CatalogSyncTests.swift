import Foundation
import Testing
@testable import ReconcileCore

/// The bundled catalog is generated from `../shared/stripe/` by
/// `scripts/generate-catalog.sh`; these tests fail when the two drift apart.
@Suite struct CatalogSyncTests {
    private func shared(_ name: String) throws -> [String] {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/stripe/\(name)")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Test func eventTypesMatchSharedList() throws {
        #expect(EventCatalog.bundledTypes == (try shared("event-types.txt")),
                "run scripts/generate-catalog.sh to regenerate the bundled catalog")
    }

    @Test func apiVersionsMatchSharedList() throws {
        #expect(APIVersions.bundledVersions == (try shared("api-versions.txt")),
                "run scripts/generate-catalog.sh to regenerate the bundled catalog")
    }
}
