import ArgumentParser
import ReconcileCore
import StripeAPI

/// The `reconcile` command: with no subcommand it plans and applies (`apply`).
@main
struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Make a Stripe account's webhook endpoints match the YAML declared in git.",
        discussion: ReconcileCommand.workflow,
        version: ReconcileCommand.version,
        subcommands: [
            ApplyCommand.self, ValidateCommand.self, ExportCommand.self,
            EventsCommand.self, SchemaCommand.self, EmulatorCommand.self, TriggerCommand.self,
        ],
        defaultSubcommand: ApplyCommand.self
    )

    /// `reconcile 0.2.0 (stripe api 2026-10-28.endive)`: the tool's version and the newest
    /// Stripe API version bundled with it.
    static let version = "reconcile \(ToolVersion.number) (stripe api \(APIVersions.bundled.latest ?? "none"))"

    /// The usage discussion of `reconcile --help` and `reconcile apply --help`.
    static let workflow = """
        Declare each workflow and the one Stripe event that triggers it in stripe-webhooks.yaml, \
        commit, and let CI plan on the pull request and apply on merge:

          reconcile validate                         offline check (a pre-commit hook)
          reconcile --dry-run --plan-out plan.json   pull request: the plan, saved
          reconcile --plan plan.json                 merge: apply exactly that plan

        A saved plan is refused with exit 4 (nothing written) when the config or the account's \
        endpoints changed since it was made: plan again. In GitHub Actions, errors become \
        annotations and the plan goes to the step summary; action.yml and examples/ci/ hold \
        ready pipelines. New endpoints' signing secrets go to --secrets-out FILE or, one by one \
        on stdin, to --secrets-exec CMD. Try it with no account: --emulator.

        Exit codes: 0 ok, 1 failed, 2 changes (--detailed-exitcode), 3 invalid config or plan \
        file, 4 refused or stale, 64 usage.
        """
}
