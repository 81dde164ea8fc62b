import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `reconcile emulator` as users run it: the built binary, a real port, Ctrl-C.
@Suite struct EmulatorCommandTests {
    /// The built `reconcile`: in the folder of the test bundle or one above it (macOS nests bundles).
    static let binary: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: folder.appendingPathComponent("reconcile").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("reconcile")
    }()

    /// Ctrl-C (SIGINT) and SIGTERM both stop it cleanly, with the state saved.
    @Test(arguments: [SIGINT, SIGTERM])
    func servesSavesAndStops(signal: Int32) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-command-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("sub/state.json")
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["emulator", "--port", "0", "--state", state.path, "--id-seed", "5"]
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()

        var firstLine = ""
        while !firstLine.hasSuffix("\n") {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            firstLine += String(decoding: chunk, as: UTF8.self)
        }
        let prefix = "reconcile emulator listening on "
        #expect(firstLine.hasPrefix(prefix + "http://127.0.0.1:"))
        let base = firstLine.dropFirst(prefix.count).trimmingCharacters(in: .whitespacesAndNewlines)

        var request = URLRequest(url: URL(string: base + "/v1/webhook_endpoints")!)
        request.httpMethod = "POST"
        request.setValue("Bearer sk_test_endToEnd12345", forHTTPHeaderField: "Authorization")
        request.httpBody = Data("url=https://a.example/h&enabled_events[]=charge.succeeded".utf8)
        let (body, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200, "\(String(decoding: body, as: UTF8.self))")

        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let log = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("POST /v1/webhook_endpoints 200 "))
        #expect(!log.contains("sk_test_endToEnd12345"))
        let saved = try String(contentsOf: state, encoding: .utf8)
        #expect(saved.contains("\"we_"))
        #expect(!saved.contains("sk_test_endToEnd12345"))
    }

    @Test(arguments: [["--port", "70000"], ["--faults", "drop=2"], ["--faults", "teapot=0.1"], ["--rate-limit", "test=x"]])
    func badFlagsAreUsageErrors(arguments: [String]) throws {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["emulator"] + arguments
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 64)
    }
}
