import Foundation
import Testing
@testable import ReconcileCore

@Suite struct YAMLShapeTests {
    @Test func topLevelMustBeAMapping() {
        expectError("- a\n- b\n", "1:1: the top level of a config file must be a mapping, found a list")
        expectError("just text\n", "1:1: the top level of a config file must be a mapping, found the string \"just text\"")
    }

    @Test func emptyFiles() {
        expectError("", "1:1: the file is empty")
        expectError("# nothing yet\n\n", "1:1: the file is empty")
    }

    @Test func tabsInIndentationAreNamed() {
        #expect(diagnostics("version: 1\nworkflows:\n\t- name: a\n  \t  triggers: []\n").map(short) == [
            "3:1: tab character in indentation", "4:3: tab character in indentation",
        ])
    }

    @Test func syntaxErrorsAreLocated() {
        expectError("version: 1\nworkflows: [\n", "3:1: invalid YAML: did not find expected node content")
        expectError("version: 1\nworkflows:\n  - name: a\n   triggers: []\n", "4:4: invalid YAML: did not find expected '-' indicator")
        expectError("version: 1\nstripe:\n  owner: a: b\n", "3:11: invalid YAML: mapping values are not allowed in this context",
                    hint: "a value containing `: ` must be quoted, or this line's indentation is off")
        expectError("version: 1\nworkflows: []\n---\nversion: 1\n", "3:1: invalid YAML: but found another document")
        expectError("version: 1\nstripe:\n  owner: @me\n", "3:10: invalid YAML: found character that cannot start any token",
                    hint: "a value starting with `@` must be quoted")
    }

    @Test func duplicateKeysAreAllReportedWhereTheyRepeat() {
        let yaml = """
            version: 1
            stripe:
              owner: a
              owner: b
            workflows:
              - name: wf
                triggers:
                  - event: customer.updated
                    url: https://a.example
                    url: https://b.example
                    event: customer.created
            version: 1
            """
        #expect(diagnostics(yaml).map(short) == [
            "4:3: duplicate key `owner`: it is already set at line 3",
            "10:9: duplicate key `url`: it is already set at line 9",
            "11:9: duplicate key `event`: it is already set at line 8",
            "12:1: duplicate key `version`: it is already set at line 1",
        ])
    }

    @Test func duplicateKeysInFlowMappings() {
        expectError(trigger("event: customer.updated\nurl: https://a.example\nmetadata: {a: 1, b: 2, a: 3}"),
                    "7:32: duplicate key `a`: it is already set at line 7")
    }

    @Test func aliasesAreRefusedAndCheap() {
        let yaml = """
            version: 1
            workflows:
              - name: a
                triggers:
                  - &t
                    event: customer.updated
                    url: https://x.example
              - name: b
                triggers: [*t]
            """
        expectError(yaml, "5:9: this value is used again through a YAML alias (`*name`); aliases are not supported")
        // A "billion laughs" file: nine levels of nine aliases each.
        var laughs = "version: 1\nl0: &l0 [a, a, a, a, a, a, a, a, a]\n"
        for level in 1...8 {
            laughs += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        laughs += "workflows:\n  - name: a\n    triggers: *l8\n"
        let start = Date()
        #expect(!diagnostics(laughs).isEmpty)
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func unicodeColumnsCountScalars() {
        #expect(diagnostics("version: 1\nstripe:\n  owner: \"é\"\n  mode: ünïcode\nworkflows: []\n").map(short) == [
            "3:10: `owner` must be a token of letters, digits, `.`, `_` and `-`, at most 64 characters",
            "4:9: `mode` must be `test` or `live`, not `ünïcode`",
        ])
        expectError("version: 1\nworkflows: [{description: ünï, name: wf, triggers: 5}]\n", "2:52: `triggers` must be a list, found the number 5")
        expectError("# héllo wörld\nversion: 1\nworkflows: []\nnamé: x\n", "4:1: unknown key `namé` in the top level")
    }

    @Test func errorsAreCollectedAndSortedByPosition() {
        let yaml = """
            version: 3
            stripe:
              mode: prod
            workflows:
              - name: Bad Name
                triggers:
                  - event: "*"
                    url: http://example.com
            """
        #expect(diagnostics(yaml).map { "\($0.location.line):\($0.location.column)" } == ["1:10", "3:9", "5:11", "7:16", "8:14"])
    }

    @Test func manyErrorsAreCapped() {
        let yaml = "version: 1\nworkflows: []\n" + (1...300).map { "k\($0): 1" }.joined(separator: "\n")
        guard case .failure(let errors) = load(yaml) else { Issue.record("expected errors"); return }
        #expect(errors.diagnostics.count == DiagnosticLog.limit)
        #expect(errors.unshown == 200)
        #expect(errors.rendered().hasSuffix("200 more not shown (at most 100 per file)\n300 errors in 1 file; nothing was sent to Stripe"))
    }
}
