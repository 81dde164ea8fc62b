import ArgumentParser
import ReconcileCore

/// `reconcile schema`: prints the config file's JSON Schema for editors and CI.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the config file's JSON Schema (draft 2020-12).",
        discussion: """
            Generated from the keys, event types and API versions this build accepts; \
            schema/reconcile.schema.json in the repository holds the same text. Point an editor at it \
            with a first line `# yaml-language-server: $schema=PATH-OR-URL`, or check files in CI with \
            `check-jsonschema --schemafile reconcile.schema.json stripe-webhooks.yaml`. \
            `reconcile validate` remains the full check (urls, secrets, duplicates, the endpoint cap).
            """)

    func run() {
        print(ConfigSchema.render(spelling: .commandLine), terminator: "")
    }
}
