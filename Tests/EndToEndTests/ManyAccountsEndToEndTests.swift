import Foundation
import Testing

/// A folder of several accounts: progress on stderr, the plan alone on stdout, and the
/// fewest requests.
@Suite(.serialized) struct ManyAccountsEndToEndTests {
    @Test func oneProgressLinePerAccountOnStderrAndOneListEachWhenNothingChanges() async throws {
        let s = try await Scenario()
        defer { s.finish() }
        var environment: [String: String] = [:]
        for account in 1...3 {
            try s.write(config([("sync", "customer.updated"), ("dunning", "invoice.payment_failed")], stripe: "  api_key_env: KEY_\(account)\n"),
                        name: "account-\(account).yaml")
            environment["KEY_\(account)"] = "sk_test_many\(account)\(UUID().uuidString.prefix(8))"
        }
        let folder = s.folder.path
        let first = try await runReconcile(["--config", folder, "--api-base", s.emulator.base.absoluteString], environment: environment)
        #expect(first.status == 0, "\(first.all)")
        // Not a TTY: one line per finished account, counted.
        let lines = first.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(first.stderr)")
        #expect(Set(lines.map { $0.components(separatedBy: ": ").last ?? "" }) == ["applied (1/3)", "applied (2/3)", "applied (3/3)"])
        #expect(!first.stdout.contains("(1/3)"))
        #expect(first.stdout.contains("+ create sync/customer.updated"))
        #expect(try await s.emulator.writes().count == 6)

        try await s.emulator.clearRequests()
        let second = try await runReconcile(["--config", folder, "--api-base", s.emulator.base.absoluteString], environment: environment)
        #expect(second.status == 0, "\(second.all)")
        let log = try await s.emulator.requests()
        #expect(log.count == 3, "one list request per account")
        #expect(log.allSatisfy { $0["method"] as? String == "GET" })
    }
}
