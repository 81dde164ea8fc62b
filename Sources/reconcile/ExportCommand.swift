import ArgumentParser

/// Placeholder: `reconcile export` is being built.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export")

    func run() async throws {
        throw ExitCode.failure
    }
}
