import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `reconcile emulator` beyond loopback and under SIGTERM.
@Suite struct EmulatorHardeningEndToEndTests {
    private func status(_ method: String, _ url: URL, headers: [String: String] = [:]) async throws -> Int {
        var request = URLRequest(url: url)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    /// The same port, reached over loopback.
    private func loopback(_ emulator: LiveEmulator, _ path: String) -> URL {
        URL(string: "http://127.0.0.1:\(emulator.base.port!)\(path)")!
    }

    @Test func adminRoutesAreOffBeyondLoopbackWithoutAToken() async throws {
        let emulator = try await LiveEmulator(["--host", "0.0.0.0"])
        defer { emulator.stop() }
        #expect(try await status("POST", loopback(emulator, "/_emulator/reset")) == 403)
        #expect(try await status("POST", loopback(emulator, "/_emulator/faults")) == 403)
        #expect(try await status("GET", loopback(emulator, "/v1/webhook_endpoints"), headers: ["Authorization": "Bearer sk_test_abc123"]) == 200)
    }

    @Test func anAdminTokenOpensThem() async throws {
        let emulator = try await LiveEmulator(["--host", "0.0.0.0", "--admin-token", "t0ken-for-tests"])
        defer { emulator.stop() }
        #expect(try await status("POST", loopback(emulator, "/_emulator/reset")) == 401)
        #expect(try await status("POST", loopback(emulator, "/_emulator/reset"), headers: ["Emulator-Admin-Token": "t0ken-for-tests"]) == 200)
    }

    @Test(.timeLimit(.minutes(1)))
    func sigtermDoesNotWaitOutAnInjectedDelay() async throws {
        let emulator = try await LiveEmulator(["--latency-ms", "600000"])
        defer { emulator.stop() }
        let pending = Task {
            try? await status("GET", emulator.base.appendingPathComponent("v1/webhook_endpoints"), headers: ["Authorization": "Bearer sk_test_abc123"])
        }
        defer { pending.cancel() }
        try await Task.sleep(for: .milliseconds(500))
        let start = ContinuousClock.now
        emulator.process.terminate()
        while emulator.process.isRunning, ContinuousClock.now - start < .seconds(20) {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(!emulator.process.isRunning)
        #expect(ContinuousClock.now - start < .seconds(15))
        // Still running means the bug is back: kill it, so the test fails instead of hanging.
        if emulator.process.isRunning { kill(emulator.process.processIdentifier, SIGKILL) }
    }
}
