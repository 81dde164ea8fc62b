import Testing
@testable import ReconcileCore

@Suite struct WorkflowRulesTests {
    private func named(_ name: String) -> String {
        "version: 1\nworkflows:\n  - name: \(name)\n    triggers: []\n"
    }

    @Test func namesAreSlugs() {
        expectError(named("Sync Customers"),
                    "3:11: workflow name `Sync Customers` may use only lower-case letters, digits, `-` and `_`, starting with a letter or digit",
                    hint: "try `sync-customers`")
        expectError(named("-sync"),
                    "3:11: workflow name `-sync` may use only lower-case letters, digits, `-` and `_`, starting with a letter or digit",
                    hint: "try `sync`")
        expectError(named(String(repeating: "a", count: 41)),
                    "3:11: workflow name `\(String(repeating: "a", count: 40))…` is 41 characters long; at most 40 are allowed")
        expectError(named("\"\""), "3:11: a workflow name is empty")
        #expect(expectValid(named("2024_sync-v2")) != nil)
        #expect(expectValid(named(String(repeating: "a", count: 40))) != nil)
    }

    @Test func namesAreUnique() {
        let yaml = """
            version: 1
            workflows:
              - name: sync
                triggers: []
              - name: sync
                triggers: []
            """
        expectError(yaml, "5:11: duplicate workflow name `sync`: already used at line 3")
    }

    @Test func nameAndTriggersAreRequired() {
        expectError("version: 1\nworkflows:\n  - triggers: []\n", "3:5: a workflow needs a `name`")
        expectError("version: 1\nworkflows:\n  - name: a\n", "3:5: workflow `a` has no `triggers`")
    }

    @Test func workflowsMustBeAList() {
        expectError("version: 1\nworkflows: null\n", "2:12: `workflows` must be a list, found nothing (null)",
                    hint: "write `workflows: []` to declare none")
        expectError("version: 1\nworkflows:\n  name: a\n", "3:3: `workflows` must be a list, found a mapping")
        expectError("version: 1\n", "1:1: missing `workflows`")
        expectError("version: 1\nworkflows:\n  - - a\n", "3:5: a workflow must be a mapping of keys to values, found a list")
        expectError("version: 1\nworkflows:\n  - name: a\n    triggers: {event: x}\n", "4:15: `triggers` must be a list, found a mapping")
    }

    @Test func unknownWorkflowKey() {
        expectError("version: 1\nworkflows:\n  - name: a\n    trigger: []\n    triggers: []\n",
                    "4:5: unknown key `trigger` in a workflow", hint: "did you mean `triggers`?")
    }
}
