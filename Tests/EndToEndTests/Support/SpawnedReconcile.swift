import Foundation

/// A `reconcile` process started without waiting for it, so a test can signal it, kill
/// it or race it against others.
final class SpawnedReconcile: @unchecked Sendable {
    let process: Process
    private let stdout: URL
    private let stderr: URL
    private let exited: Task<Void, Never>

    init(_ arguments: [String], environment: [String: String], directory: URL) throws {
        process = Process()
        process.executableURL = Binary.url
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for name in ["STRIPE_API_KEY", "STRIPE_API_BASE", "NO_COLOR"] { env[name] = nil }
        process.environment = env.merging(environment) { _, new in new }
        process.currentDirectoryURL = directory
        // Output goes to files and the exit comes as a callback: blocking reads or waits
        // would hold threads of the cooperative pool (two on this machine), and the test's
        // own sleeps would then last until the process ends.
        let id = UUID().uuidString
        stdout = directory.appendingPathComponent(".out-\(id)")
        stderr = directory.appendingPathComponent(".err-\(id)")
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        process.standardInput = FileHandle.nullDevice
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in continuation.finish() }
        try process.run()
        exited = Task { for await _ in stream {} }
    }

    /// Sends `signal` (SIGINT, SIGTERM, SIGKILL) to the process.
    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Sends each signal after its delay from now, from a shell of its own: the test
    /// process's threads may be busy under load, a `sleep` in another process is not.
    func send(_ signals: [(signal: Int32, after: Double)]) throws {
        var script = ""
        var elapsed = 0.0
        for (signal, after) in signals.sorted(by: { $0.after < $1.after }) {
            script += "sleep \(max(0, after - elapsed)); kill -\(signal) \(process.processIdentifier) 2>/dev/null; "
            elapsed = after
        }
        let helper = Process()
        helper.executableURL = URL(fileURLWithPath: "/bin/sh")
        helper.arguments = ["-c", script]
        try helper.run()
    }

    /// What the process wrote to stderr so far.
    func stderrSoFar() -> String {
        String(decoding: (try? Data(contentsOf: stderr)) ?? Data(), as: UTF8.self)
    }

    /// What the process wrote to stdout so far.
    func stdoutSoFar() -> String {
        String(decoding: (try? Data(contentsOf: stdout)) ?? Data(), as: UTF8.self)
    }

    /// Waits (polling, at most `seconds`) until stderr contains `text`; whether it did.
    func waitForStderr(_ text: String, seconds: Double = 30) async throws -> Bool {
        let end = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < end {
            if stderrSoFar().contains(text) { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    /// Waits for the process to exit; `status` is the exit code, or the signal that ended it.
    func wait() async -> ProcessResult {
        await exited.value
        let read = { (url: URL) in String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self) }
        defer { for url in [stdout, stderr] { try? FileManager.default.removeItem(at: url) } }
        return ProcessResult(status: process.terminationStatus, stdout: read(stdout), stderr: read(stderr))
    }
}

extension Scenario {
    /// Starts `reconcile ARGS --config FILE --api-base EMULATOR` and returns at once.
    func spawn(_ arguments: [String] = [], config: String = "stripe-webhooks.yaml") throws -> SpawnedReconcile {
        try SpawnedReconcile(
            arguments + ["--config", folder.appendingPathComponent(config).path, "--api-base", emulator.base.absoluteString],
            environment: ["STRIPE_API_KEY": key], directory: folder)
    }

    /// Short retry settings, so runs against a faulty emulator stay fast.
    static let fastRetries = ["--max-retries", "3", "--retry-base-delay", "0.005", "--retry-max-time", "5", "--request-timeout", "1"]

    /// What the account holds that `config(_:)` with `triggers` does not declare exactly:
    /// empty when every trigger has one endpoint with the declared fields and no other
    /// endpoint of the owner exists.
    func divergence(from triggers: [(String, String)], disabled: Set<String> = []) async throws -> [String] {
        var problems: [String] = []
        let managed = try await managed().mapValues { $0.filter { metadata($0)["reconcile_owner"] == "e2e" } }.filter { !$0.value.isEmpty }
        let declared = Set(triggers.map { "\($0.0)/\($0.1)" })
        for key in managed.keys where !declared.contains(key) {
            problems.append("\(key): \(managed[key]!.count) undeclared endpoint(s)")
        }
        for (workflow, event) in triggers {
            let key = "\(workflow)/\(event)"
            let endpoints = managed[key] ?? []
            guard endpoints.count == 1, let endpoint = endpoints.first else {
                problems.append("\(key): \(endpoints.count) endpoints")
                continue
            }
            if endpoint["url"] as? String != "https://hooks.example.com/\(workflow)/\(event)" { problems.append("\(key): url \(endpoint["url"] ?? "")") }
            if endpoint["enabled_events"] as? [String] != [event] { problems.append("\(key): events \(endpoint["enabled_events"] ?? "")") }
            let status = disabled.contains(key) ? "disabled" : "enabled"
            if endpoint["status"] as? String != status { problems.append("\(key): \(endpoint["status"] ?? "") not \(status)") }
        }
        return problems
    }
}

/// One logical request in the emulator's log: its attempts share a method, a path and,
/// for a POST, an idempotency key (a key rotated after a saved 500, `KEY~2`, is the same request).
struct LoggedRequest: Hashable {
    var method: String
    var path: String
    var key: String?

    /// Groups consecutive log entries of a sequential run into requests, with their attempts
    /// and how many of those had their connection dropped without being applied.
    static func attempts(in log: [[String: Any]]) -> [(request: LoggedRequest, attempts: Int, drops: Int)] {
        var result: [(request: LoggedRequest, attempts: Int, drops: Int)] = []
        for entry in log {
            let key = (entry["idempotencyKey"] as? String).map { String($0.split(separator: "~").first ?? "") }
            let request = LoggedRequest(method: entry["method"] as? String ?? "", path: entry["path"] as? String ?? "", key: key)
            let dropped = entry["status"] as? String == "dropped" ? 1 : 0
            if let last = result.last, last.request == request {
                result[result.count - 1].attempts += 1
                result[result.count - 1].drops += dropped
            } else {
                result.append((request, 1, dropped))
            }
        }
        return result
    }
}
