import ArgumentParser

/// The `reconcile` command: with no subcommand it plans and applies (`apply`).
@main
struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Make a Stripe account's webhook endpoints match the YAML declared in git.",
        subcommands: [
            ApplyCommand.self, ValidateCommand.self, ExportCommand.self,
            EventsCommand.self, EmulatorCommand.self, TriggerCommand.self,
        ],
        defaultSubcommand: ApplyCommand.self
    )
}
