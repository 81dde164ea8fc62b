import ArgumentParser
import ReconcileCore

/// `reconcile validate`: checks config files offline; no key is read, nothing is sent.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check config files offline: no key is read and nothing is sent.",
        discussion: """
            Prints one line per valid file and exits 0; otherwise prints every error (FILE:LINE:COLUMN) to stderr \
            and exits 3 (in GitHub Actions, also as annotations on the files). Paths may be given as arguments \
            too, as the pre-commit hook `reconcile-validate` passes them.
            """)

    @OptionGroup var config: ConfigOptions
    @OptionGroup(title: "Shards") var shard: ShardOptions

    @Argument(help: ArgumentHelp("Config files or folders, as --config takes them.", valueName: "PATH"))
    var files: [String] = []

    func run() async throws {
        var options = config
        options.paths += files
        // Every file is checked, whichever shard is asked for; then the shard's accounts are listed.
        for account in try shard.select(options.load()) {
            print("\(account.path): ok (\(Self.summary(of: account)))")
        }
    }

    /// `key $STRIPE_API_KEY, owner shop-prod, live, 3 workflows, 5 triggers (1 disabled)`.
    static func summary(of account: AccountConfig) -> String {
        let stripe = account.stripe
        let triggers = account.triggers
        let disabled = triggers.filter { !$0.enabled }.count
        var parts = ["key $\(stripe.apiKeyEnv)", "owner \(stripe.owner)"]
        if let mode = stripe.mode { parts.append("\(mode.rawValue) mode") }
        parts.append(count(account.workflows.count, "workflow"))
        parts.append(count(triggers.count, "trigger") + (disabled > 0 ? " (\(disabled) disabled)" : ""))
        return parts.joined(separator: ", ")
    }

    private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
