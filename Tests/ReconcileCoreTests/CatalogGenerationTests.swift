import Foundation
import Testing
@testable import ReconcileCore

/// Stripe's lists live once, in `data/stripe/`; `scripts/generate-catalog.sh` writes the
/// core's and the emulator's compiled-in copies from them. These tests fail when a data
/// file was edited without regenerating, or a generated file was edited by hand.
@Suite struct CatalogGenerationTests {
    static let generated = [
        "Sources/ReconcileCore/Catalog/EventCatalog+Types.swift",
        "Sources/ReconcileCore/Catalog/APIVersions+List.swift",
        "Sources/StripeEmulator/Catalog/StripeCatalog+Lists.swift",
    ]

    @Test func generatedFilesAreWhatTheScriptWrites() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        script.arguments = ["bash", repositoryRoot.appendingPathComponent("scripts/generate-catalog.sh").path, output.path]
        try script.run()
        script.waitUntilExit()
        #expect(script.terminationStatus == 0)
        for path in Self.generated {
            let committed = try Data(contentsOf: repositoryRoot.appendingPathComponent(path))
            let written = try Data(contentsOf: output.appendingPathComponent(path))
            #expect(committed == written, "\(path) differs from what scripts/generate-catalog.sh writes; run it")
        }
    }

    @Test func bundledListsAreTheDataFiles() throws {
        #expect(EventCatalog.bundledTypes == (try dataLines("event-types.txt")))
        #expect(APIVersions.bundledVersions == (try dataLines("api-versions.txt")))
        #expect(APIVersions.bundled.latest == (try dataLines("api-versions.txt")).last)
    }

    private func dataLines(_ name: String) throws -> [String] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("data/stripe/\(name)"), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
