import Foundation
import Testing
import Yams
@testable import ReconcileCore

/// The hints under YAML syntax errors follow from the error's stage, context and mark and
/// the text there, never from libyaml's wording.
@Suite struct YAMLErrorHintTests {
    static let quoted = "a value starting with `@` must be quoted"
    static let colon = "a value containing `: ` must be quoted, or this line's indentation is off"
    static let alias = "aliases (`*name`) are not supported here; write the value out"
    static let deep = "the values nest too deeply; a config file nests a few levels at most"
    static let generic = "check the indentation and quoting of this line and the one above"

    private func context(_ line: Int, _ column: Int) -> YAMLErrorHint.Context {
        YAMLErrorHint.Context(text: "while scanning something", line: line, column: column)
    }

    @Test func aCharacterNoTokenStartsWithMustBeQuoted() {
        // The scanner's context starts at the mark: it was between tokens.
        #expect(YAMLErrorHint(stage: .scanner, character: "@", context: context(3, 10), line: 3, column: 10).text == Self.quoted)
        #expect(YAMLErrorHint(stage: .scanner, character: "`", context: context(1, 4), line: 1, column: 4).text == "a value starting with ``` must be quoted")
        #expect(YAMLErrorHint(stage: .scanner, character: nil, context: context(1, 4), line: 1, column: 4).text == "a value starting with `this character` must be quoted")
        #expect(YAMLErrorHint(stage: .scanner, character: "\t", context: context(2, 1), line: 2, column: 1).text == TextScan.tabHint)
    }

    @Test func withinATokenTheHintSaysWhereItStarted() {
        // An `@` or a tab where an anchor's name or a block scalar's indentation should be.
        for character: Unicode.Scalar in ["@", "\t"] {
            #expect(YAMLErrorHint(stage: .scanner, character: character, context: context(1, 4), line: 1, column: 5).text
                == "while scanning something started at line 1, column 4; check its indentation and quoting")
        }
    }

    @Test func aColonOutsideAnyTokenIsAMisplacedValue() {
        #expect(YAMLErrorHint(stage: .scanner, character: ":", line: 3, column: 11).text == Self.colon)
        // A `-` or a `?` where no sequence entry or key may be.
        #expect(YAMLErrorHint(stage: .scanner, character: "-").text == Self.generic)
        #expect(YAMLErrorHint(stage: .scanner, character: ":", context: context(1, 1), line: 2, column: 3).text != Self.colon)
    }

    @Test func anAliasTheComposerCannotResolve() {
        #expect(YAMLErrorHint(stage: .composer, character: "*", line: 1, column: 4).text == Self.alias)
        #expect(YAMLErrorHint(stage: .composer, character: "-", context: context(1, 1), line: 2, column: 1).text
            == "while scanning something started at line 1, column 1; check its indentation and quoting")
    }

    @Test func deepNestingIsNamed() {
        #expect(YAMLErrorHint(stage: .parser, character: "[", context: context(1, 1), nesting: 1_001).text == Self.deep)
        #expect(YAMLErrorHint(stage: .parser, character: "[", context: context(1, 1), nesting: 4).text != Self.deep)
        #expect(YAMLErrorHint(stage: .scanner, character: "[", nesting: 1_001).text != Self.deep)
    }

    @Test func otherErrorsPointAtTheirContextOrTheLines() {
        #expect(YAMLErrorHint(stage: .reader).text == "a config file is plain UTF-8 text; remove control characters")
        #expect(YAMLErrorHint(stage: .parser, character: "b", line: 3, column: 2).text == Self.generic)
        #expect(YAMLErrorHint(stage: .parser, character: "b", context: .init(text: "", line: 1, column: 1), line: 3, column: 2).text == Self.generic)
    }

    @Test func nestingCountsTheMarksLine() {
        #expect(YAMLErrorHint.nesting(of: ["version: 1", "workflows:", "  - name: a", "    triggers: [{event: x}]"]) == 5)
        #expect(YAMLErrorHint.nesting(of: [String(repeating: "[", count: 1_100) + String(repeating: "]", count: 1_100)]) == 1_101)
        #expect(YAMLErrorHint.nesting(of: [String(repeating: "- ", count: 600) + "x"]) == 601)
        #expect(YAMLErrorHint.nesting(of: (0..<600).map { String(repeating: " ", count: $0) + "a:" }) == 600)
        // Depth closed on an earlier line is not the mark's.
        #expect(YAMLErrorHint.nesting(of: [String(repeating: "[", count: 600) + String(repeating: "]", count: 600), "[a [b]]"]) == 3)
    }

    /// Real libyaml errors, each also rebuilt with a made-up message (as a future libyaml
    /// might word it): the hint stays the same.
    @Test(arguments: [
        ("version: 1\nstripe:\n  owner: @me\n", YAMLErrorHintTests.quoted),
        ("a: `x`", "a value starting with ``` must be quoted"),
        ("version: 1\nstripe:\n  owner: a: b\n", YAMLErrorHintTests.colon),
        ("a: *x", YAMLErrorHintTests.alias),
        (String(repeating: "[", count: 1_100), YAMLErrorHintTests.deep),
        ("a:\n" + (1..<1_100).map { String(repeating: " ", count: $0) + "a:" }.joined(separator: "\n"), YAMLErrorHintTests.deep),
        ("a: [b, c", "while parsing a flow sequence started at line 1, column 4; check its indentation and quoting"),
        ("%YAML 1.1\n%YAML 1.1\n---\na: 1", YAMLErrorHintTests.generic),
        ("a: x\u{7}", "a config file is plain UTF-8 text; remove control characters"),
    ])
    func theHintDoesNotDependOnLibyamlsWording(yaml: String, expected: String) throws {
        let error = try #require(libyamlError(yaml))
        let lines = YAMLLines.all(yaml)
        #expect(YAMLErrorHint(error, lines: lines)?.text == expected)
        #expect(YAMLErrorHint(reworded(error), lines: lines)?.text == expected)
    }

    private func libyamlError(_ yaml: String) -> YamlError? {
        do {
            _ = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
            return nil
        } catch {
            return error as? YamlError
        }
    }

    private func reworded(_ error: YamlError) -> YamlError {
        let problem = "reworded by a future libyaml"
        switch error {
        case .reader(_, let offset, let value, let yaml): return .reader(problem: problem, offset: offset, value: value, yaml: yaml)
        case .scanner(let context, _, let mark, let yaml): return .scanner(context: context, problem: problem, mark, yaml: yaml)
        case .parser(let context, _, let mark, let yaml): return .parser(context: context, problem: problem, mark, yaml: yaml)
        case .composer(let context, _, let mark, let yaml): return .composer(context: context, problem: problem, mark, yaml: yaml)
        default: return error
        }
    }
}
