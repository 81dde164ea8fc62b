import Foundation
import Testing
@testable import ReconcileCore

/// YAML ends lines at CR, NEL, LS and PS too, not only LF: a duplicate key after lone CRs
/// made the key's line (the parser's count) point past the lines split at LF, and loading
/// crashed. Found by the config fuzzer (Fuzz/Corpus/config/lone-cr-duplicate-key.yaml).
@Suite struct LineBreakTests {
    @Test func aDuplicateKeyAfterLoneCarriageReturnsIsReported() {
        let found = diagnostics("\r\r\rversion: 1\nversion: 1\nworkflows: []\n")
        #expect(found.contains { $0.message.contains("duplicate key `version`") }, "\(found.map(\.message))")
    }

    @Test(arguments: ["\u{85}", "\u{2028}", "\u{2029}", "\r", "\r\n"])
    func aDuplicateKeyAfterAnyLineBreakIsReported(newline: String) {
        let yaml = ["", "", "version: 1", "version: 1", "workflows: []", ""].joined(separator: newline)
        #expect(!diagnostics(yaml).isEmpty)
    }

    @Test func theFuzzersInputLoadsWithoutCrashing() throws {
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("Fuzz/Corpus/config/lone-cr-duplicate-key.yaml"))
        guard case .failure(let errors) = ConfigLoader.load(data: data, path: "fuzz.yaml", environment: [:], options: .test) else {
            Issue.record("expected errors")
            return
        }
        #expect(!errors.diagnostics.isEmpty)
    }

    @Test(arguments: ["\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}"])
    func aDiagnosticQuotesItsOwnLineWhateverTheBreaks(newline: String) {
        let yaml = ["version: 1", "workflows:", "  - name: a", "    triggers:", "      - event: customer.updatd", "        url: https://a.example/x", ""]
            .joined(separator: newline)
        let found = diagnostics(yaml)
        #expect(found.map(\.location.line) == [5])
        #expect(found.first?.sourceLine == "      - event: customer.updatd")
    }

    @Test func aLineIsFoundByItsNumber() {
        let text = "a\r\nb\rc\nd\u{2028}e\u{85}f\u{2029}g"
        #expect((1...7).map { YAMLLines.line($0, of: text) } == ["a", "b", "c", "d", "e", "f", "g"])
        #expect(YAMLLines.line(8, of: text) == nil)
        #expect(YAMLLines.line(0, of: text) == nil)
        // Bytes that only start a break are text: é is C3 A9, … is E2 80 A6.
        #expect(YAMLLines.all("é…\u{C2}") == ["é…\u{C2}"])
    }

    @Test func linesSplitAsTheParserCountsThem() {
        #expect(YAMLLines.all("a\r\nb\rc\nd\u{2028}e") == ["a", "b", "c", "d", "e"])
        #expect(YAMLLines.all("a\r") == ["a", ""])
        #expect(YAMLLines.all("") == [""])
        #expect(YAMLLines.all("a\n") == ["a", ""])
    }
}
