import Foundation
import Testing
@testable import ReconcileCore

/// Every config file under `examples/` loads and names the schema, so the examples never
/// rot; `examples/ci/` holds CI pipelines instead, checked by `CIExamplesTests` and
/// against GitHub's and GitLab's schemas by `Tests/ci-files/check.sh`.
@Suite struct ExamplesTests {
    /// Folders of `examples/` holding Kubernetes manifests and CI workflows, not configs:
    /// `Tests/manifests/validate.sh` checks those.
    static let deploymentFolders = ["deploy", "scale-out", "ci"]

    static func exampleFiles() -> [URL] {
        let folder = repositoryRoot.appendingPathComponent("examples")
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .filter { file in
                let relative = file.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)
                return !deploymentFolders.contains { relative.hasPrefix($0 + "/") }
            } ?? []
        return files.sorted { $0.path < $1.path }
    }

    /// The first line points editors at `schema/reconcile.schema.json`, by a path that
    /// resolves from the example's folder.
    @Test(arguments: exampleFiles())
    func exampleNamesTheSchema(_ file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let first = String(text.prefix { $0 != "\n" })
        let prefix = "# yaml-language-server: $schema="
        try #require(first.hasPrefix(prefix), "\(file.lastPathComponent) starts with \(first)")
        let target = file.deletingLastPathComponent().appendingPathComponent(String(first.dropFirst(prefix.count))).standardizedFileURL
        #expect(target.path == repositoryRoot.appendingPathComponent("schema/reconcile.schema.json").standardizedFileURL.path)
    }

    /// The scale-out examples split into as many shards as they run workers.
    @Test func scaleOutShardCountsMatchTheirWorkers() throws {
        let job = try String(contentsOf: repositoryRoot.appendingPathComponent("examples/scale-out/indexed-job.yaml"), encoding: .utf8)
        let completions = try #require(job.firstMatch(of: /completions: (\d+)/)?.1)
        let jobShards = try #require(job.firstMatch(of: /--shard=auto\/(\d+)/)?.1)
        #expect(completions == jobShards)
        let matrix = try String(contentsOf: repositoryRoot.appendingPathComponent("examples/scale-out/github-actions.yml"), encoding: .utf8)
        let indexes = try #require(matrix.firstMatch(of: /shard: \[([0-9, ]+)\]/)?.1).split(separator: ",").count
        let matrixShards = try #require(matrix.firstMatch(of: /--shard \$\{\{ matrix.shard \}\}\/(\d+)/)?.1)
        #expect(String(indexes) == matrixShards)
    }

    /// The ConfigMap of examples/deploy carries a real config: it loads too.
    @Test func theConfigMapsAccountLoads() throws {
        let url = repositoryRoot.appendingPathComponent("examples/deploy/kubernetes/configmap.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let marker = "  shop.yaml: |\n"
        let start = try #require(text.range(of: marker))
        let embedded = text[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : String($0) }.joined(separator: "\n")
        switch ConfigLoader.load(text: embedded, path: "shop.yaml", environment: [:], options: .test) {
        case .success(let config): #expect(config.triggers.count == 1)
        case .failure(let errors): Issue.record("the ConfigMap's shop.yaml is invalid:\n\(errors.rendered())")
        }
    }

    @Test func thereAreExamples() {
        #expect(Self.exampleFiles().count >= 4)
    }

    @Test(arguments: exampleFiles())
    func exampleLoads(_ file: URL) throws {
        let data = try Data(contentsOf: file)
        switch ConfigLoader.load(data: data, path: file.lastPathComponent, environment: [:], options: .test) {
        case .success(let config):
            #expect(!config.triggers.isEmpty)
            // The README runs the examples against the embedded emulator, which takes
            // https or loopback http only.
            #expect(config.triggers.allSatisfy { $0.url.hasPrefix("https://") })
        case .failure(let errors):
            Issue.record("\(file.path) is invalid:\n\(errors.rendered())")
        }
    }

    @Test func mesaStoreDeclaresTheStoreWorkflows() throws {
        let url = repositoryRoot.appendingPathComponent("examples/mesa-store.yaml")
        let config = try ConfigLoader.load(data: Data(contentsOf: url), path: "mesa-store.yaml", environment: [:], options: .test).get()
        let events = Set(config.triggers.map(\.event))
        #expect(events.isSuperset(of: ["customer.updated", "customer.subscription.updated", "invoice.payment_failed", "checkout.session.completed"]))
        #expect(config.triggers.contains { !$0.enabled })
        #expect(config.triggers.contains { !$0.metadata.isEmpty })
    }

    @Test func stagingProductionTakesTheEnvironment() throws {
        let url = repositoryRoot.appendingPathComponent("examples/staging-production.yaml")
        let data = try Data(contentsOf: url)
        let staging = try ConfigLoader.load(data: data, path: "s.yaml", environment: [:], options: .test).get()
        #expect(staging.triggers[0].url == "https://staging.hooks.example.com/stripe/checkout")
        #expect(staging.stripe.owner == "orders-staging")
        let production = try ConfigLoader.load(data: data, path: "s.yaml", environment: [
            "WEBHOOK_HOST": "https://hooks.example.com", "DEPLOY_ENV": "production", "STRIPE_KEY_VAR": "STRIPE_LIVE_KEY",
        ], options: .test).get()
        #expect(production.triggers[0].url == "https://hooks.example.com/stripe/checkout")
        #expect(production.stripe.owner == "orders-production")
        #expect(production.stripe.apiKeyEnv == "STRIPE_LIVE_KEY")
    }
}
