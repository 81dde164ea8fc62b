import Foundation

/// Times `reconcile validate` of a workspace's folder: reading and checking every config
/// file, the fixed cost every run pays before its first request.
struct ValidateTiming {
    let binary: String
    let workspace: BenchWorkspace
    let runs: Int

    /// The run of median wall time.
    func median() throws -> ChildProcess.Result {
        var results: [ChildProcess.Result] = []
        for _ in 0..<runs {
            let result = try ChildProcess(
                executable: binary, arguments: ["validate", "--config", workspace.configs.path],
                environment: ProcessInfo.processInfo.environment.merging(workspace.environment) { _, bench in bench },
                stdoutPath: "/dev/null", stderrPath: workspace.root.appendingPathComponent("validate.stderr").path
            ).run()
            guard result.status == 0 else { throw BenchError("reconcile validate exited \(result.status)") }
            results.append(result)
        }
        return results.sorted { $0.seconds < $1.seconds }[results.count / 2]
    }

    /// The line for a folder of `files` files made for the purpose.
    static func report(binary: String, files: Int, triggers: Int, runs: Int) throws -> String {
        let workspace = try BenchWorkspace(accounts: files, triggers: triggers)
        defer { workspace.remove() }
        let median = try ValidateTiming(binary: binary, workspace: workspace, runs: runs).median()
        return String(format: "validate: %d files × %d triggers in %.2f s (median of %d), peak %.1f MB; target < 1 s",
                      files, triggers, median.seconds, runs, Double(median.peakMemory) / 1_048_576)
    }
}
