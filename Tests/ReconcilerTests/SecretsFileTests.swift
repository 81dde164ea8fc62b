import Foundation
import Testing
@testable import Reconciler

@Suite struct SecretsFileTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("secrets-\(UUID().uuidString)")

    @Test func writesPrivatelyAtomicallyAndMerges() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("deep/secrets.json").path
        let first = try SecretsFile(path: path)
        await first.record("o/a/customer.updated", .init(endpoint_id: "we_1", secret: "whsec_1", url: "https://a", created: 1))
        try await first.flush()
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        #expect(permissions?.intValue == 0o600)
        let second = try SecretsFile(path: path)
        await second.record("o/b/invoice.paid", .init(endpoint_id: "we_2", secret: "whsec_2", url: "https://b", created: 2))
        try await second.flush()
        let third = try SecretsFile(path: path)
        #expect(await third.entry("o/a/customer.updated")?.secret == "whsec_1")
        #expect(await third.entry("o/b/invoice.paid")?.secret == "whsec_2")
        // No temporary file is left beside it, only the (empty) lock.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("deep").path).sorted() == [".secrets.json.lock", "secrets.json"])
    }

    @Test func runsSharingTheFileKeepEachOthersSecrets() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("secrets.json").path
        // Both runs read the file before either writes, as two CI jobs started together do.
        let first = try SecretsFile(path: path)
        let second = try SecretsFile(path: path)
        await first.record("a/x/customer.updated", .init(endpoint_id: "we_1", secret: "whsec_1", url: "https://a", created: 1))
        await second.record("b/y/invoice.paid", .init(endpoint_id: "we_2", secret: "whsec_2", url: "https://b", created: 2))
        try await first.flush()
        try await second.flush()
        let after = try SecretsFile(path: path)
        #expect(await after.entry("a/x/customer.updated")?.secret == "whsec_1", "the second run's write dropped the first run's secret")
        #expect(await after.entry("b/y/invoice.paid")?.secret == "whsec_2")
    }

    @Test func manyConcurrentWritersLoseNothing() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("secrets.json").path
        let writers = try (0..<16).map { _ in try SecretsFile(path: path) }
        await withThrowingTaskGroup(of: Void.self) { group in
            for (index, writer) in writers.enumerated() {
                group.addTask {
                    for round in 0..<5 {
                        await writer.record("o/\(index)/\(round)", .init(endpoint_id: "we_\(index)_\(round)", secret: "whsec_\(index)_\(round)", url: "https://x", created: round))
                        try await writer.flush()
                    }
                }
            }
        }
        let after = try SecretsFile(path: path)
        for index in 0..<16 {
            for round in 0..<5 {
                #expect(await after.entry("o/\(index)/\(round)")?.secret == "whsec_\(index)_\(round)")
            }
        }
    }

    @Test func aFileThatIsNotOursIsRefusedBeforeAnything() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("secrets.json").path
        try "not json".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: SecretsFileError.self) { try SecretsFile(path: path) }
    }

    @Test func anUnwritableFolderIsRefusedBeforeAnything() {
        let error = #expect(throws: SecretsFileError.self) { try SecretsFile(path: "/proc/no-such/secrets.json") }
        #expect(error?.description.contains("not writable") == true)
    }
}
