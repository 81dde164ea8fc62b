import Foundation
import Testing
@testable import ReconcileCore

/// `Tests/ci-files/shape-faults.txt` names the invalid-corpus files the schema must
/// reject (checked by an independent validator in CI); this keeps it complete, so a new
/// shape fault added to the corpus cannot slip past the schema unnoticed.
@Suite struct ShapeFaultListTests {
    static let listFile = repositoryRoot.appendingPathComponent("Tests/ci-files/shape-faults.txt")

    /// Listed names, and excluded ones (`-NAME: reason`).
    static func list() throws -> (listed: Set<String>, excluded: Set<String>) {
        let lines = try String(contentsOf: listFile, encoding: .utf8).split(separator: "\n").map(String.init)
        let listed = lines.filter { !$0.hasPrefix("#") && !$0.hasPrefix("-") && !$0.isEmpty }
        let excluded = lines.filter { $0.hasPrefix("-") }.map { String($0.dropFirst().prefix { $0 != ":" }) }
        return (Set(listed), Set(excluded))
    }

    /// Whether a corpus error is about the file's shape, going by what the reader says.
    static func isShapeFault(_ message: String) -> Bool {
        let prefixes = ["unknown key", "missing `", "unknown event type", "unknown Stripe API version", "unsupported config version", "workflow name", "the top level of a config file must be"]
        let fragments = [" must be ", "needs a `", "needs an `", "has no value", "cannot be a trigger", "is reserved", "is too large"]
        return prefixes.contains { message.hasPrefix($0) } || fragments.contains { message.contains($0) }
    }

    @Test func everyShapeFaultOfTheCorpusIsListedOrExcludedWithAReason() throws {
        let (listed, excluded) = try Self.list()
        var shapeFaults: Set<String> = []
        for name in InvalidCorpusTests.corpus() {
            let data = try Data(contentsOf: InvalidCorpusTests.folder.appendingPathComponent(name))
            guard case .failure(let errors) = ConfigLoader.load(data: data, path: name, environment: [:], options: .test),
                  let first = errors.diagnostics.first else { continue }
            if Self.isShapeFault(first.message) { shapeFaults.insert(name) }
        }
        #expect(shapeFaults.count >= 15)
        #expect(shapeFaults.subtracting(listed).subtracting(excluded).isEmpty, "add to shape-faults.txt: \(shapeFaults.subtracting(listed).subtracting(excluded).sorted())")
        #expect(listed.subtracting(shapeFaults).isEmpty, "listed but not shape faults: \(listed.subtracting(shapeFaults).sorted())")
    }
}
