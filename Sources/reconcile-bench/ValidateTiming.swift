import Foundation

/// Times `reconcile validate` of a folder of `files` config files.
struct ValidateTiming {
    let binary: String
    let files: Int
    let triggers: Int
    let runs: Int

    func report() throws -> String {
        let workspace = try BenchWorkspace(accounts: files, triggers: triggers)
        defer { workspace.remove() }
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
        let median = results.sorted { $0.seconds < $1.seconds }[results.count / 2]
        return String(format: "validate: %d files × %d triggers in %.2f s (median of %d), peak %.1f MB; target < 1 s",
                      files, triggers, median.seconds, runs, Double(median.peakMemory) / 1_048_576)
    }
}
