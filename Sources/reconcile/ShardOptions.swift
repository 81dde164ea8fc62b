import ArgumentParser
import Foundation
import ReconcileCore

/// `--shard INDEX/COUNT`: this worker's share of the accounts, for commands that read a
/// folder of them.
struct ShardOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Only the accounts of shard INDEX of COUNT (0-based; auto/COUNT reads $JOB_COMPLETION_INDEX); every file is still validated.",
        valueName: "INDEX/COUNT"))
    var shard: String?

    func validate() throws {
        _ = try resolve()
    }

    /// The shard asked for; every account when `--shard` is absent.
    func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Shard {
        guard let shard else { return .all }
        switch Shard.parse(shard, environment: environment) {
        case .success(let parsed): return parsed
        case .failure(let error): throw ValidationError("--shard: \(error)")
        }
    }

    /// This shard's accounts among `configs`, all of which were loaded and checked.
    func select(_ configs: [AccountConfig]) throws -> [AccountConfig] {
        try resolve().select(configs, key: ShardKey.init)
    }
}
