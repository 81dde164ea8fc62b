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

/// The other files a run reads: the secrets file and the emulator's state.
@Suite struct HostileStateFilesEndToEndTests {
    static let yaml = "version: 1\nworkflows:\n  - name: wf\n    triggers:\n      - event: customer.created\n        url: https://hooks.example.com/x\n"

    @Test(.timeLimit(.minutes(1)))
    func aFIFOAsSecretsFileOrEmulatorStateIsRefused() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.yaml.write(to: folder.appendingPathComponent("stripe-webhooks.yaml"), atomically: true, encoding: .utf8)
        let fifo = folder.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let secrets = try await runReconcile(["--emulator", "--emulator-state", folder.appendingPathComponent("state.json").path, "--secrets-out", fifo], directory: folder)
        #expect(secrets.status == 1, "\(secrets.all)")
        #expect(secrets.stderr.contains("not a regular file (a FIFO)"), "\(secrets.stderr)")
        let state = try await runReconcile(["--emulator", "--emulator-state", fifo, "--dry-run"], directory: folder)
        #expect(state.status == 1, "\(state.all)")
        #expect(state.stderr.contains("is not a regular file"), "\(state.stderr)")
        let emulator = try await runReconcile(["emulator", "--port", "0", "--state", fifo], directory: folder)
        #expect(emulator.status == 1, "\(emulator.all)")
    }
}
