import Foundation
import ReconcileCore

/// What `reconcile` adds when it runs in GitHub Actions (`GITHUB_ACTIONS=true`): error
/// annotations on stderr (stdout stays the plan alone) and the markdown plan appended to
/// the file `GITHUB_STEP_SUMMARY` names. Outside GitHub Actions it prints nothing.
struct GitHubActions {
    var summaryPath: String?
    var directory: String

    /// The current process's GitHub Actions, or `nil` outside them.
    static let current: GitHubActions? = {
        let environment = ProcessInfo.processInfo.environment
        guard environment["GITHUB_ACTIONS"] == "true" else { return nil }
        let summary = environment["GITHUB_STEP_SUMMARY"].flatMap { $0.isEmpty ? nil : $0 }
        return GitHubActions(summaryPath: summary, directory: FileManager.default.currentDirectoryPath)
    }()

    func emit(_ commands: [WorkflowCommand]) {
        guard !commands.isEmpty else { return }
        FileHandle.standardError.write(Data(commands.map { "\($0)\n" }.joined().utf8))
    }

    /// One annotation per config error, on its file, line and column.
    func annotate(_ errors: ConfigErrors) {
        emit(errors.diagnostics.map { WorkflowCommand.annotation(for: $0, relativeTo: directory) })
    }

    /// Annotations for refused and failed accounts, and the markdown report appended to
    /// the step summary.
    func publish(_ report: RunReport) {
        emit(report.workflowCommands(spelling: .commandLine))
        guard let summaryPath else { return }
        let text = MarkdownRenderer.render(report, spelling: .commandLine) + "\n"
        // Appended, as GitHub expects: other steps and tools write to the same file.
        guard let handle = FileHandle(forWritingAtPath: summaryPath) ?? create(summaryPath) else {
            Terminal.line("warning: cannot write the step summary to GITHUB_STEP_SUMMARY (\(summaryPath))")
            return
        }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        handle.write(Data(text.utf8))
    }

    private func create(_ path: String) -> FileHandle? {
        guard FileManager.default.createFile(atPath: path, contents: nil) else { return nil }
        return FileHandle(forWritingAtPath: path)
    }
}

/// Errors that end a run before any account is planned.
enum Report {
    /// `error: MESSAGE` on stderr, and an annotation in GitHub Actions.
    static func refusal(_ message: String) {
        Terminal.error(message)
        GitHubActions.current?.emit([.error(message)])
    }
}
