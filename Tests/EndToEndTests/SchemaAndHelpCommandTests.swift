import Foundation
import Testing

/// `reconcile schema` prints the committed schema; `--help` teaches the CI workflow.
@Suite struct SchemaAndHelpCommandTests {
    @Test func schemaPrintsTheCommittedFile() async throws {
        let result = try await runReconcile(["schema"])
        #expect(result.status == 0, "\(result.all)")
        let committed = try String(contentsOf: Binary.repository.appendingPathComponent("schema/reconcile.schema.json"), encoding: .utf8)
        #expect(result.stdout == committed, "run `swift run reconcile schema > schema/reconcile.schema.json`")
    }

    @Test(arguments: [["--help"], ["apply", "--help"]])
    func helpShowsThePathFromPullRequestToProduction(_ arguments: [String]) async throws {
        let result = try await runReconcile(arguments)
        #expect(result.status == 0)
        for words in ["--dry-run --plan-out plan.json", "reconcile --plan plan.json", "exit 4", "--secrets-exec"] {
            #expect(result.stdout.contains(words), "\(arguments): \(words)")
        }
    }

    @Test func validateTakesFilesAsArgumentsAsThePreCommitHookPassesThem() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("a.yaml"), bad = folder.appendingPathComponent("b.yaml")
        try config([("sync", "customer.updated")]).write(to: good, atomically: true, encoding: .utf8)
        try "version: 1\nworkflows: {}\n".write(to: bad, atomically: true, encoding: .utf8)
        let ok = try await runReconcile(["validate", good.path])
        #expect(ok.status == 0, "\(ok.all)")
        #expect(ok.stdout.hasPrefix("\(good.path): ok"))
        let both = try await runReconcile(["validate", good.path, bad.path])
        #expect(both.status == 3)
        #expect(both.stderr.contains(bad.path))
    }
}
