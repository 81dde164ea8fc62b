import Foundation
import Testing

/// Stripe shows a signing secret only in the create response: a lost response is
/// recovered by the retry's idempotent replay, and a secret that cannot be recovered is
/// reported, never rotated behind the user's back.
@Suite(.serialized) struct SecretRecoveryTests {
    static let triggers = [("crm", "customer.created"), ("crm", "customer.updated"), ("billing", "invoice.paid"), ("billing", "invoice.payment_failed")]

    @Test func aLostCreateResponseIsRecoveredByTheReplay() async throws {
        let s = try await Scenario(emulatorArguments: ["--fault-seed", "7", "--no-rate-limit"])
        defer { s.finish() }
        try await s.emulator.setFaults(#"{"lost":0.5,"methods":["POST"]}"#)
        try s.write(config(Self.triggers))
        let secrets = s.folder.appendingPathComponent("secrets.json")
        let result = try await s.reconcile(Scenario.fastRetries + ["--max-retries", "8", "--secrets-out", secrets.path])
        #expect(result.status == 0, "\(result.all)")
        let log = try await s.emulator.requests()
        let lostCreates = log.filter { $0["path"] as? String == "/v1/webhook_endpoints" && $0["status"] as? String == "lost" }
        #expect(!lostCreates.isEmpty, "the seed should lose some create responses")
        #expect(log.contains { $0["replayed"] as? Bool == true })
        let file = try JSONSerialization.jsonObject(with: Data(contentsOf: secrets)) as? [String: [String: Any]] ?? [:]
        let endpoints = try await s.endpoints()
        #expect(endpoints.count == Self.triggers.count)
        for endpoint in endpoints {
            let entry = file["e2e/" + (metadata(endpoint)["reconcile_trigger"] ?? "")]
            #expect(entry?["endpoint_id"] as? String == endpoint["id"] as? String)
            #expect(entry?["secret"] as? String == endpoint["secret"] as? String)
        }
    }

    @Test func anUnrecoverableSecretIsReportedNotRotated() async throws {
        let s = try await Scenario(emulatorArguments: ["--no-rate-limit"])
        defer { s.finish() }
        try s.write(config(Self.triggers))
        let secrets = s.folder.appendingPathComponent("secrets.json")
        // Every create is applied and its response lost, with no retry: the run fails,
        // and the secrets of the endpoints it created (those in flight at once) are gone.
        try await s.emulator.setFaults(#"{"lost":1,"methods":["POST"]}"#)
        let lost = try await s.reconcile(["--max-retries", "0", "--request-timeout", "1", "--secrets-out", secrets.path])
        #expect(lost.status == 1, "\(lost.all)")
        try await s.emulator.setFaults("{}")
        let orphaned = try await s.endpoints()
        #expect(!orphaned.isEmpty)

        let next = try await s.reconcile(["--secrets-out", secrets.path])
        #expect(next.status == 0, "\(next.all)")
        var lostTriggers: Set<String> = []
        for endpoint in orphaned {
            let trigger = try #require(metadata(endpoint)["reconcile_trigger"])
            lostTriggers.insert("e2e/\(trigger)")
            #expect(next.stderr.contains("warning:") && next.stderr.contains("no signing secret for \(trigger) (\(endpoint["id"] as? String ?? ""))"), "\(next.stderr)")
            // The endpoint keeps its id, hence its secret: never rotated behind the user's back.
            #expect(try await s.managed()[trigger]?.first?["id"] as? String == endpoint["id"] as? String)
        }
        #expect(try await s.divergence(from: Self.triggers) == [])
        // The secrets of the endpoints created by the second run are on file.
        let data = (try? Data(contentsOf: secrets)) ?? Data("{}".utf8)
        let file = try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] ?? [:]
        #expect(Set(file.keys) == Set(Self.triggers.map { "e2e/\($0.0)/\($0.1)" }).subtracting(lostTriggers))
    }
}
