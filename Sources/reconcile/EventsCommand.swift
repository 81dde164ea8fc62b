import ArgumentParser

/// Placeholder: `reconcile events` is being built.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "events")

    func run() async throws {
        throw ExitCode.failure
    }
}
