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
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("deep").path) == ["secrets.json"])
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
