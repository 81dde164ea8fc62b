import ArgumentParser

/// Placeholder: `reconcile apply` is being built.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "apply")

    func run() async throws {
        throw ExitCode.failure
    }
}
