import Foundation
import Testing

/// A live key is never sent in clear text to another machine: refused before any request.
@Suite struct PlainHTTPEndToEndTests {
    @Test func aLiveKeyOverPlainHTTPIsRefusedBeforeAnyRequest() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try HostileNumbersEndToEndTests.yaml.write(to: folder.appendingPathComponent("stripe-webhooks.yaml"), atomically: true, encoding: .utf8)
        let key = "sk_live_hostileInputs123"
        // `.invalid` never resolves: were anything sent, the run would fail (exit 1), not refuse.
        for (command, environment) in [
            (["--dry-run"], ["STRIPE_API_BASE": "http://hooks.example.invalid:8080"]),
            (["export"], ["STRIPE_API_BASE": "http://hooks.example.invalid:8080"]),
            (["--dry-run", "--api-base", "http://hooks.example.invalid"], [:]),
        ] {
            let result = try await runReconcile(command + ["--max-retries", "0"].filter { _ in command != ["export"] },
                                                environment: environment.merging(["STRIPE_API_KEY": key]) { a, _ in a }, directory: folder)
            #expect(result.status == 64, "\(command): \(result.all)")
            #expect(result.stderr.contains("use https://"), "\(result.stderr)")
            #expect(!result.all.contains(key))
        }
    }
}
