import Foundation
import StripeEmulator

/// The baseline: `Benchmarks/sdk_baseline.py`, a sequential script on Stripe's official
/// Python SDK, doing the fresh create against the same emulator.
struct SDKBaseline {
    let emulator: BenchEmulator
    let accounts: Int
    let triggers: Int

    /// The package root, found from this file's place in it.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init(emulator: BenchEmulator, accounts: Int, triggers: Int) throws {
        self.emulator = emulator
        self.accounts = accounts
        self.triggers = triggers
    }

    func report(scaledTo totalAccounts: Int, reconcileSeconds: Double?) async throws -> String {
        let python = try Self.python()
        emulator.emulator.reset()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sdk-baseline-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try ChildProcess(
            executable: python,
            arguments: [Self.packageRoot.appendingPathComponent("Benchmarks/sdk_baseline.py").path, emulator.address, String(accounts), String(triggers)],
            environment: ProcessInfo.processInfo.environment, stdoutPath: output.path, stderrPath: output.path + ".err"
        ).run()
        guard result.status == 0 else {
            let stderr = (try? String(contentsOfFile: output.path + ".err", encoding: .utf8)) ?? ""
            throw BenchError("the SDK baseline exited \(result.status):\n\(stderr.suffix(2000))")
        }
        let counts = emulator.counts
        let scaled = result.seconds * Double(totalAccounts) / Double(accounts)
        var line = String(format: "SDK baseline (sequential, stripe-python): %d accounts × %d triggers in %.1f s, %d requests, %d 429s",
                          accounts, triggers, result.seconds, counts.requests, counts.rateLimited)
        if accounts != totalAccounts {
            line += String(format: "; scaled to %d accounts (time × %d/%d, it is sequential): %.1f s", totalAccounts, totalAccounts, accounts, scaled)
        }
        if let reconcileSeconds {
            line += String(format: "\nspeedup of reconcile's fresh create: %.0f× (target ≥ 30×)", scaled / reconcileSeconds)
        }
        return line
    }

    /// The venv's python with `stripe` installed, made under `.build/bench-venv` when missing.
    static func python() throws -> String {
        let venv = packageRoot.appendingPathComponent(".build/bench-venv")
        let python = venv.appendingPathComponent("bin/python").path
        if !FileManager.default.isExecutableFile(atPath: python) || !hasStripe(python) {
            let setup = "python3 -m venv '\(venv.path)' && '\(venv.path)/bin/pip' install -q --disable-pip-version-check stripe"
            let result = try ChildProcess(
                executable: "/bin/sh", arguments: ["-c", setup], environment: ProcessInfo.processInfo.environment,
                stdoutPath: "/dev/null", stderrPath: "/dev/null").run()
            guard result.status == 0, hasStripe(python) else { throw BenchError("could not install the stripe package into \(venv.path)") }
        }
        return python
    }

    private static func hasStripe(_ python: String) -> Bool {
        (try? ChildProcess(executable: python, arguments: ["-c", "import stripe"], environment: ProcessInfo.processInfo.environment,
                           stdoutPath: "/dev/null", stderrPath: "/dev/null").run().status) == 0
    }
}
