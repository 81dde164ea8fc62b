import Foundation
import Testing

/// Paths that are not regular files used to block forever (a FIFO waits for a writer).
@Suite struct HostileFilesEndToEndTests {
    @Test(.timeLimit(.minutes(1)))
    func aFIFOAsConfigIsAConfigError() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("stripe-webhooks.yaml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for command in [["validate", "--config", fifo], ["--dry-run", "--config", fifo]] {
            let result = try await runReconcile(command, environment: ["STRIPE_API_KEY": "sk_test_abc123"], directory: folder)
            #expect(result.status == 3, "\(command): \(result.all)")
            #expect(result.stderr.contains("not a regular file (a FIFO)"), "\(result.stderr)")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aFIFOInAConfigFolderIsAConfigError() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let yaml = "version: 1\nworkflows:\n  - name: wf\n    triggers:\n      - event: customer.created\n        url: https://hooks.example.com/x\n"
        try yaml.write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        #expect(mkfifo(folder.appendingPathComponent("b.yaml").path, 0o600) == 0)
        let result = try await runReconcile(["validate", "--config", folder.path], directory: folder)
        #expect(result.status == 3, "\(result.all)")
        #expect(result.stderr.contains("b.yaml: error: not a regular file"), "\(result.stderr)")
    }

    @Test func aDeviceIsAConfigError() async throws {
        let result = try await runReconcile(["validate", "--config", "/dev/zero"])
        #expect(result.status == 3, "\(result.all)")
        #expect(result.stderr.contains("character device"), "\(result.stderr)")
    }
}
