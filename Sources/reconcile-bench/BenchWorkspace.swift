import Foundation

/// A temporary folder of K config files, one account each, with the keys they read.
struct BenchWorkspace {
    let root: URL
    let accounts: Int
    let triggers: Int

    /// The folder `--config` points at.
    var configs: URL { root.appendingPathComponent("configs") }

    /// Writes `accounts` files of `triggers` triggers each under a new temporary folder.
    init(accounts: Int, triggers: Int, name: String = "configs") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-bench-\(UUID().uuidString)")
        self.accounts = accounts
        self.triggers = triggers
        let folder = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for account in 0..<accounts {
            try Self.config(account: account, triggers: triggers)
                .write(to: folder.appendingPathComponent(String(format: "account-%05d.yaml", account)), atomically: false, encoding: .utf8)
        }
    }

    /// The variable holding account `n`'s key.
    static func keyVariable(_ account: Int) -> String { "BENCH_KEY_\(account)" }

    /// Account `n`'s key: its own test-mode account on the emulator.
    static func key(_ account: Int) -> String { "sk_test_bench_\(account)" }

    /// Every account's key, by variable name.
    var environment: [String: String] {
        Dictionary(uniqueKeysWithValues: (0..<accounts).map { (Self.keyVariable($0), Self.key($0)) })
    }

    /// One account's config: `triggers` workflows of one trigger each, all on one event,
    /// each with its own url.
    static func config(account: Int, triggers: Int) -> String {
        var text = """
        version: 1
        stripe:
          api_key_env: \(keyVariable(account))
          owner: bench
          mode: test
        workflows:

        """
        for trigger in 0..<triggers {
            text += """
              - name: flow-\(trigger)
                description: Benchmark flow \(trigger) of account \(account)
                triggers:
                  - event: customer.updated
                    url: https://hooks.example.com/bench/\(account)/\(trigger)
                    metadata: {team: bench}

            """
        }
        return text
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
