import Foundation
import Testing

/// Numbers from flags, the environment and config files that used to end the process with
/// a trap (exit 132, nothing printed): each is now a usage error (64) or a config error (3).
@Suite struct HostileNumbersEndToEndTests {
    static let yaml = """
        version: 1
        workflows:
          - name: wf
            triggers:
              - event: customer.created
                url: https://hooks.example.com/x

        """

    private func inFolder(_ yaml: String = Self.yaml, _ body: (URL) async throws -> Void) async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try yaml.write(to: folder.appendingPathComponent("stripe-webhooks.yaml"), atomically: true, encoding: .utf8)
        try await body(folder)
    }

    @Test(arguments: [
        ["--watch", "--interval", "inf"], ["--watch", "--interval", "nan"], ["--watch", "--interval", "1e300"],
        ["--retry-base-delay", "1e20"], ["--request-timeout", "1e20"], ["--retry-max-time", "1e20"],
        ["--retry-max-time", "nan"], ["--rate-limit", "1e-300"], ["--concurrency", "4611686018427387904"],
        ["--api-base", "http://127.0.0.1:65536"], ["--burst", "9223372036854775807"],
        ["--secrets-exec", "true", "--secrets-exec-timeout", "1e20"], ["--watch", "--metrics-port", "70000"],
    ])
    func hugeFlagsAreUsageErrors(flags: [String]) async throws {
        try await inFolder { folder in
            let result = try await runReconcile(["--dry-run"] + flags, environment: ["STRIPE_API_KEY": "sk_test_abc123"], directory: folder)
            #expect(result.status == 64, "\(flags): \(result.all)")
            #expect(result.stderr.contains(flags[flags.count - 2]), "\(result.stderr)")
        }
    }

    @Test func aPortOutOfRangeInTheEnvironmentIsAUsageError() async throws {
        try await inFolder { folder in
            for command in [["--dry-run"], ["export"]] {
                let result = try await runReconcile(
                    command, environment: ["STRIPE_API_KEY": "sk_test_abc123", "STRIPE_API_BASE": "http://127.0.0.1:65536"], directory: folder)
                #expect(result.status == 64, "\(command): \(result.all)")
                #expect(result.stderr.contains("65535"), "\(result.stderr)")
            }
            let export = try await runReconcile(["export", "--api-base", "http://127.0.0.1:65536"], environment: ["STRIPE_API_KEY": "sk_test_abc123"], directory: folder)
            #expect(export.status == 64, "\(export.all)")
        }
    }

    @Test func aHugeMaxEndpointsIsAConfigError() async throws {
        let yaml = Self.yaml.replacingOccurrences(of: "version: 1\n", with: "version: 1\nstripe:\n  max_endpoints: ${MAX}\n")
        try await inFolder(yaml) { folder in
            for command in [["validate"], ["--dry-run"]] {
                let result = try await runReconcile(command, environment: ["STRIPE_API_KEY": "sk_test_abc123", "MAX": "9223372036854775807"], directory: folder)
                #expect(result.status == 3, "\(command): \(result.all)")
                #expect(result.stderr.contains("stripe-webhooks.yaml:3:"), "\(result.stderr)")
            }
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: [["--jitter-ms", "9223372036854775807"], ["--latency-ms", "9223372036854775807"], ["--max-endpoints", "9223372036854775807"]])
    func hugeEmulatorFlagsAreUsageErrors(flags: [String]) async throws {
        let result = try await runReconcile(["emulator", "--port", "0"] + flags)
        #expect(result.status == 64, "\(flags): \(result.all)")
    }
}
