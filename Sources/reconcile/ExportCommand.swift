import ArgumentParser
import Foundation
import ReconcileCore
import Reconciler

/// `reconcile export`: print a config declaring what an account has now.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print YAML that declares the account's endpoints now (bootstrap a repo).",
        discussion: """
        Reads the account of FILE's stripe section (its api_key_env and owner; without \
        --config and without stripe-webhooks.yaml, STRIPE_API_KEY and owner "default"). \
        Fed back as the config, the output plans no change; with --include-unmanaged it \
        adopts the unmanaged endpoints too.
        """
    )

    @Option(help: ArgumentHelp("The config whose stripe section names the account.", valueName: "FILE"))
    var config: String?

    @Flag(help: "Also declare unmanaged endpoints (one trigger per event, a workflow named after the endpoint).")
    var includeUnmanaged = false

    @OptionGroup var stripe: StripeOptions

    func run() async throws {
        let settings = try settingsOfAccount()
        let environment = stripe.environment(for: [AccountConfig(path: config ?? "", stripe: settings, workflows: [])])
        let key: APIKey
        switch APIKey.from(environment, name: settings.apiKeyEnv) {
        case .success(let found): key = found
        case .failure(let error):
            Terminal.error(error.message)
            throw Exit.failed
        }
        let connection = try stripe.connection(concurrency: 1, rateLimit: nil)
        try connection.checkKeysInTransit([(settings.apiKeyEnv, key)])
        let api = connection.api(config: AccountConfig(path: config ?? "", stripe: settings, workflows: []), key: key)
        let endpoints: [ObservedEndpoint]
        do { endpoints = try await api.listAll() } catch {
            Terminal.error("listing webhook endpoints failed: \(error)")
            throw Exit.failed
        }
        print(ConfigExporter.export(endpoints, settings: settings, includeUnmanaged: includeUnmanaged), terminator: "")
    }

    /// The `stripe:` section of `--config`, of the default file when present, else defaults.
    func settingsOfAccount() throws -> StripeSettings {
        let path = config ?? ConfigFiles.defaultPath
        guard config != nil || FileManager.default.fileExists(atPath: path) else { return StripeSettings() }
        let accounts = try loadConfigs(paths: [path], allowUnknownEvents: true, allowUnknownAPIVersions: true)
        guard accounts.count == 1 else {
            Terminal.error("\(path) holds \(accounts.count) accounts: export reads one; pass one of its files")
            throw Exit.usage
        }
        return accounts[0].stripe
    }
}
