import Foundation
import Testing
@testable import ReconcileCore

/// Every repeated key is reported where it is written, and recovering composes the text
/// again once per mapping with repeated keys, not once per repeat.
@Suite struct DuplicateKeyTests {
    private func composition(_ yaml: String) -> (diagnostics: [String], unshown: Int, attempts: Int) {
        var log = DiagnosticLog(file: "test.yaml", text: yaml)
        let attempts = YAMLComposer.composition(of: yaml, log: &log).attempts
        return (log.errors.diagnostics.map(short), log.errors.unshown, attempts)
    }

    @Test func everyRepeatOfAMappingIsReportedInOneAttempt() {
        let yaml = """
            version: 1
            stripe:
              owner: a
              mode: test
              owner: b
              mode: live
              owner: c
            workflows: []
            version: 1
            workflows: []
            stripe: {}
            """
        let expected = [
            "5:3: duplicate key `owner`: it is already set at line 3",
            "6:3: duplicate key `mode`: it is already set at line 4",
            "7:3: duplicate key `owner`: it is already set at line 3",
            // `stripe` sorts first, so Yams says where it is; `version` is set before it.
            "9:1: duplicate key `version`: it is already set at line 1",
            "10:1: duplicate key `workflows`: it is already set at line 8",
            "11:1: duplicate key `stripe`: it is already set at line 2",
        ]
        let found = composition(yaml)
        #expect(found.diagnostics == expected)
        #expect(found.attempts == 3)
        // The reader skips the renamed keys: nothing else is wrong with the file.
        #expect(diagnostics(yaml).map(short) == expected)
    }

    @Test func flowMappingsToo() {
        let found = composition(trigger("event: customer.updated\nurl: https://a.example\nmetadata: {b: '1', a: '1', b: '2', \"a\": '2', a: '3'}"))
        #expect(found.diagnostics == [
            "7:36: duplicate key `b`: it is already set at line 7",
            "7:45: duplicate key `a`: it is already set at line 7",
            "7:54: duplicate key `a`: it is already set at line 7",
        ])
        #expect(found.attempts == 2)
    }

    @Test func aThousandRepeatsTakeOneAttempt() {
        let yaml = "version: 1\nworkflows: []\n" + Array(repeating: "version: 1", count: 1_000).joined(separator: "\n")
        let found = composition(yaml)
        #expect(found.attempts == 2)
        #expect(found.diagnostics.count + found.unshown == 1_000)
        #expect(found.diagnostics.first == "3:1: duplicate key `version`: it is already set at line 1")
    }

    @Test func thousandsOfNamesRepeatedOnOneLineTakeOneAttempt() {
        let keys = (1...3_000).map { "k\($0): 1" }
        let yaml = "metadata: {" + (keys + keys).joined(separator: ", ") + "}\n"
        // A full log, so that only the composing is timed, not quoting the long line.
        var log = DiagnosticLog(file: "test.yaml", text: yaml)
        for _ in 1...DiagnosticLog.limit { log.error("earlier", line: 2, column: 1) }
        let start = Date()
        #expect(YAMLComposer.composition(of: yaml, log: &log).attempts == 2)
        #expect(log.errors.unshown == 3_000)
        // A fraction of a second: the keys are read once per attempt, not once per name
        // (3,000 names, 6,000 keys), and renamed in one pass over the line.
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func retriesAreBoundedByTheErrorsShown() {
        // A mapping with a repeated key on each of many lines: each needs an attempt of
        // its own, and past the log's limit none would be shown.
        let yaml = (1...300).map { "- {k: \($0), k: \($0)}" }.joined(separator: "\n")
        let found = composition(yaml)
        #expect(found.attempts == DiagnosticLog.limit + 1)
        #expect(found.diagnostics.count == DiagnosticLog.limit)
        #expect(found.diagnostics.first == "1:10: duplicate key `k`: it is already set at line 1")
    }

    @Test func aKeysListAtItsColumnDoesNotEndTheMapping() {
        let yaml = "version: 1\nworkflows:\n- name: a\n  triggers: []\nworkflows: []\n"
        expectError(yaml, "5:1: duplicate key `workflows`: it is already set at line 2")
    }

    @Test func keysOfNestedMappingsAreNotRepeats() {
        #expect(composition("a: {a: 1}\na: 2").diagnostics == ["2:1: duplicate key `a`: it is already set at line 1"])
        #expect(composition("{a: {b: 1, a: 2}, a: 3}").diagnostics == ["1:19: duplicate key `a`: it is already set at line 1"])
        #expect(composition("{a: 1, b: [1, {a: 1}], a: 2}").diagnostics == ["1:24: duplicate key `a`: it is already set at line 1"])
    }

    @Test func keysWithAnAnchorOrATag() {
        #expect(composition("a: 1\n&k a: 2\nb: 1\n!!str b: 2").diagnostics == [
            "2:4: duplicate key `a`: it is already set at line 1",
            "4:7: duplicate key `b`: it is already set at line 3",
        ])
    }

    @Test func aKeyThatCannotBeRenamedIsReportedOnce() {
        #expect(composition("\"\": 1\n\"\": 2\n").diagnostics == ["2:2: duplicate key ``: it is already set at line 1"])
    }
}

/// The text scan that finds a mapping's keys from one of them.
@Suite struct MappingKeysTests {
    private func keys(_ yaml: String, around line: Int, _ column: Int) -> (starts: [String], complete: Bool)? {
        let lines = YAMLLines.all(yaml)
        return MappingKeys(around: .init(line: line - 1, column: column - 1), in: lines).map { keys in
            (keys.starts.map { "\($0.line + 1):\($0.column + 1)" }, keys.complete)
        }
    }

    @Test func blockMappingsFromTheirOpeningLineToTheirEnd() {
        let yaml = "x:\n  - b: 1\n    # c\n    a:\n      - 1\n    b: |\n      a: 2\n    c: 3\n  - b: 4\n"
        #expect(keys(yaml, around: 4, 5)! == (["2:5", "4:5", "6:5", "8:5"], true))
        #expect(keys(yaml, around: 1, 1)! == (["1:1"], true))
        // A list at the keys' column is a value, and `---` ends the document.
        #expect(keys("a:\n- 1\nb: 2\n---\nc: 3", around: 1, 1)! == (["1:1", "3:1"], true))
    }

    @Test func flowMappingsFromTheirBraceToTheirEnd() {
        let yaml = "m: {b: \"x, y\", # c\n  a: {a: 1}, ? c : [a, b],\n  'd': 4}\nn: 5"
        #expect(keys(yaml, around: 2, 3)! == (["1:5", "2:3", "2:16", "3:3"], true))
        let names = MappingKeys(around: .init(line: 1, column: 2), in: YAMLLines.all(yaml))!.names(in: YAMLLines.all(yaml))
        #expect(names.map(\.text) == ["b", "a", "c", "d"])
        #expect(names.map { "\($0.name.line + 1):\($0.name.column + 1)" } == ["1:5", "2:3", "2:16", "3:4"])
        // A bracket in quotes hides the brace: the keys from the given one on are found.
        #expect(keys("{x: \"}\", a: 1, a: 2}", around: 1, 10)! == (["1:10", "1:16"], false))
    }

    @Test func aLineEndingInABraceIsNotAlwaysFlow() {
        // `don't, {` is a plain value: the keys below it are the block mapping's.
        #expect(keys("x: don't, {\na: 1\nb: 1\na: 2", around: 2, 1)! == (["1:1", "2:1", "3:1", "4:1"], true))
    }

    @Test func aKeyOutsideTheTextHasNoMapping() {
        #expect(keys("a: 1", around: 3, 1) == nil)
        #expect(keys("a: 1", around: 1, 9) == nil)
    }
}
