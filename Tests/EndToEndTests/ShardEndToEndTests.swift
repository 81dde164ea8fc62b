import Foundation
import Testing

extension ControllerEndToEndTests {
    /// `--shard INDEX/COUNT` over a folder of accounts, as an Indexed Job's workers run it.
    @Suite struct ShardEndToEndTests {
        static let owners = (0..<30).map { "merchant-\($0)" }

        /// A folder with one file per owner, named by `name`.
        func folder(_ s: Scenario, name: (Int) -> String) throws {
            let folder = s.folder.appendingPathComponent("accounts")
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (n, owner) in Self.owners.enumerated() {
                let yaml = config([("crm", "customer.created")]).replacingOccurrences(of: "owner: e2e", with: "owner: \(owner)")
                try s.write(yaml, name: "accounts/\(name(n)).yaml")
            }
        }

        /// The owners `reconcile validate --shard` lists, from its `owner X` summaries.
        func owners(in output: String) -> Set<String> {
            Set(output.split(separator: "\n").compactMap { line in
                line.components(separatedBy: "owner ").dropFirst().first?.split(separator: ",").first.map(String.init)
            })
        }

        func validate(_ s: Scenario, _ shard: String, environment: [String: String] = [:]) async throws -> ProcessResult {
            try await runReconcile(["validate", "--config", s.folder.appendingPathComponent("accounts").path, "--shard", shard], environment: environment)
        }

        @Test func everyAccountInExactlyOneShardWhateverTheFileNames() async throws {
            let s = try await Scenario()
            defer { s.finish() }
            try folder(s) { "account-\($0)" }
            var shards: [Set<String>] = []
            for index in 0..<4 {
                let result = try await validate(s, "\(index)/4")
                #expect(result.status == 0, "\(result.all)")
                shards.append(owners(in: result.stdout))
            }
            #expect(shards.reduce(0) { $0 + $1.count } == Self.owners.count)
            #expect(shards.reduce(Set<String>()) { $0.union($1) } == Set(Self.owners))
            #expect(shards.map(\.count).max()! - shards.map(\.count).min()! <= 1)
            // Renamed so that the folder lists in another order: the same split.
            try folder(s) { "zz-\(String(UInt64($0 &* 2_654_435_761 % 1000), radix: 16))-\(29 - $0)" }
            for index in 0..<4 {
                #expect(owners(in: try await validate(s, "\(index)/4").stdout) == shards[index])
            }
            // auto/COUNT reads an Indexed Job's index.
            #expect(owners(in: try await validate(s, "auto/4", environment: ["JOB_COMPLETION_INDEX": "2"]).stdout) == shards[2])
        }

        @Test func anInvalidFileAnywhereStopsEveryShard() async throws {
            let s = try await Scenario()
            defer { s.finish() }
            try folder(s) { "account-\($0)" }
            try s.write("version: 1\nstripe:\n  owner: broken\nworkflows: 3\n", name: "accounts/broken.yaml")
            for index in 0..<3 {
                let result = try await validate(s, "\(index)/3")
                #expect(result.status == 3, "\(result.all)")
                #expect(result.stderr.contains("broken.yaml"))
            }
            // Applying a shard sends nothing either.
            let apply = try await runReconcile(
                ["--config", s.folder.appendingPathComponent("accounts").path, "--shard", "0/3", "--api-base", s.emulator.base.absoluteString],
                environment: ["STRIPE_API_KEY": s.key])
            #expect(apply.status == 3, "\(apply.all)")
            #expect(try await s.emulator.requests().isEmpty)
        }

        @Test func applyTouchesOnlyItsShardsAccounts() async throws {
            let s = try await Scenario()
            defer { s.finish() }
            try folder(s) { "account-\($0)" }
            let mine = owners(in: try await validate(s, "1/3").stdout)
            #expect(!mine.isEmpty)
            let result = try await runReconcile(
                ["--config", s.folder.appendingPathComponent("accounts").path, "--shard", "1/3", "--api-base", s.emulator.base.absoluteString],
                environment: ["STRIPE_API_KEY": s.key])
            #expect(result.status == 0, "\(result.all)")
            let touched = Set(try await s.managed().values.flatMap { $0 }.compactMap { metadata($0)["reconcile_owner"] })
            #expect(touched == mine)
        }

        @Test(arguments: ["3/3", "x/3", "1", "auto/3"])
        func aBadShardIsAUsageError(shard: String) async throws {
            let result = try await runReconcile(["validate", "--config", "examples", "--shard", shard], directory: Binary.repository)
            #expect(result.status == 64, "\(result.all)")
            #expect(result.stderr.contains("--shard"), "\(result.stderr)")
        }
    }
}
