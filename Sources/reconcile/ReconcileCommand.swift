import ArgumentParser
import ReconcileCore
import StripeAPI

/// The `reconcile` command: with no subcommand it plans and applies (`apply`).
@main
struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Make a Stripe account's webhook endpoints match the YAML declared in git.",
        version: ReconcileCommand.version,
        subcommands: [
            ApplyCommand.self, ValidateCommand.self, ExportCommand.self,
            EventsCommand.self, SchemaCommand.self, EmulatorCommand.self,
        ],
        defaultSubcommand: ApplyCommand.self
    )

    /// `reconcile 0.2.0 (stripe api 2026-10-28.endive)`: the tool's version and the newest
    /// Stripe API version bundled with it.
    static let version = "reconcile \(ToolVersion.number) (stripe api \(APIVersions.bundled.latest ?? "none"))"
}
