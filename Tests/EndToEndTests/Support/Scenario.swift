import Foundation

/// One end-to-end scenario: a live emulator, a key, a config folder, and `reconcile`
/// run against them as a user would.
struct Scenario {
    let emulator: LiveEmulator
    let key = "sk_test_e2e\(UUID().uuidString.replacingOccurrences(of: "-", with: ""))"
    let folder: URL

    init(emulatorArguments: [String] = []) async throws {
        emulator = try await LiveEmulator(emulatorArguments)
        folder = try temporaryFolder()
    }

    func finish() {
        emulator.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes `stripe-webhooks.yaml` (or `name`) into the scenario's folder.
    @discardableResult
    func write(_ yaml: String, name: String = "stripe-webhooks.yaml") throws -> URL {
        let url = folder.appendingPathComponent(name)
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Runs `reconcile ARGS --config FILE --api-base EMULATOR` with the scenario's key.
    func reconcile(_ arguments: [String] = [], config: String = "stripe-webhooks.yaml", environment: [String: String] = [:]) async throws -> ProcessResult {
        let result = try await runReconcile(
            arguments + ["--config", folder.appendingPathComponent(config).path, "--api-base", emulator.base.absoluteString],
            environment: ["STRIPE_API_KEY": key].merging(environment) { _, new in new }, directory: folder
        )
        // Whatever happened, the key never reaches output.
        precondition(!result.all.contains(key), "the API key was printed")
        return result
    }

    func endpoints() async throws -> [[String: Any]] {
        try await emulator.endpoints(key: key)
    }

    /// `trigger key → endpoint` for the managed endpoints.
    func managed() async throws -> [String: [[String: Any]]] {
        Dictionary(grouping: try await endpoints().filter { metadata($0)["managed_by"] == "reconcile" }) { metadata($0)["reconcile_trigger"] ?? "" }
    }
}

func metadata(_ endpoint: [String: Any]) -> [String: String] {
    endpoint["metadata"] as? [String: String] ?? [:]
}

/// A config with `triggers` as (workflow, event) pairs, urls derived from them.
func config(_ triggers: [(String, String)], stripe: String = "", extra: String = "") -> String {
    let workflows = Dictionary(grouping: triggers, by: \.0).sorted { $0.key < $1.key }
    var yaml = "version: 1\nstripe:\n  owner: e2e\n\(stripe)workflows:\n"
    for (name, items) in workflows {
        yaml += "  - name: \(name)\n    triggers:\n"
        for (_, event) in items {
            yaml += "      - event: \(event)\n        url: https://hooks.example.com/\(name)/\(event)\n\(extra)"
        }
    }
    return yaml
}
