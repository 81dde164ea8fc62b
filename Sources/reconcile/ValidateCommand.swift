import ArgumentParser

/// Placeholder: `reconcile validate` is being built.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate")

    func run() async throws {
        throw ExitCode.failure
    }
}
