import ArgumentParser

/// Placeholder: `reconcile emulator` is being built.
struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "emulator")

    func run() async throws {
        throw ExitCode.failure
    }
}
