import Foundation
import Testing

/// `reconcile` run as a subprocess against `reconcile emulator` over HTTP on loopback,
/// asserting on the emulator's state and request log rather than on the tool's words.
@Suite(.serialized) struct ApplyEndToEndTests {
    static let triggers = [("sync-customers", "customer.updated"), ("subscriptions", "customer.subscription.updated"), ("dunning", "invoice.payment_failed")]

    @Test func freshCreateThenSecondRunSendsNoWrite() async throws {
        let s = try await Scenario()
        defer { s.finish() }
        try s.write(config(Self.triggers))
        let first = try await s.reconcile()
        #expect(first.status == 0, "\(first.all)")
        #expect(first.stdout.contains("+ create sync-customers/customer.updated"))
        let managed = try await s.managed()
        #expect(managed.keys.sorted() == ["dunning/invoice.payment_failed", "subscriptions/customer.subscription.updated", "sync-customers/customer.updated"])
        for (key, endpoints) in managed {
            #expect(endpoints.count == 1)
            #expect(endpoints[0]["enabled_events"] as? [String] == [String(key.split(separator: "/")[1])])
            #expect(metadata(endpoints[0])["reconcile_owner"] == "e2e")
        }
        #expect(try await s.emulator.writes().count == 3)

        try await s.emulator.clearRequests()
        let second = try await s.reconcile(["--detailed-exitcode"])
        #expect(second.status == 0, "\(second.all)")
        #expect(second.stdout.contains("No changes"))
        let log = try await s.emulator.requests()
        #expect(log.count == 1, "a no-op run sends one list request")
        #expect(try await s.emulator.writes().isEmpty)
    }

    @Test func dryRunSendsNoWrite() async throws {
        let s = try await Scenario()
        defer { s.finish() }
        try s.write(config(Self.triggers))
        let result = try await s.reconcile(["--dry-run", "--detailed-exitcode"])
        #expect(result.status == 2, "\(result.all)")
        #expect(result.stdout.contains("Plan: 3 to create"))
        #expect(try await s.emulator.writes().isEmpty)
        #expect(try await s.endpoints().isEmpty)
    }

    @Test func driftIsRepairedInPlace() async throws {
        let s = try await Scenario()
        defer { s.finish() }
        try s.write(config(Self.triggers))
        _ = try await s.reconcile()
        let before = try #require(try await s.managed()["dunning/invoice.payment_failed"]?.first)
        let id = try #require(before["id"] as? String)
        try await s.emulator.modify(key: s.key, id: id, form: "url=https%3A%2F%2Fevil.example.com&enabled_events[0]=invoice.payment_failed&enabled_events[1]=charge.failed&disabled=true&metadata[extra]=1")
        let result = try await s.reconcile(["--detailed-exitcode"])
        #expect(result.status == 2, "\(result.all)")
        #expect(result.stdout.contains("~ update dunning/invoice.payment_failed (\(id))"))
        let after = try #require(try await s.managed()["dunning/invoice.payment_failed"]?.first)
        #expect(after["id"] as? String == id)
        #expect(after["url"] as? String == "https://hooks.example.com/dunning/invoice.payment_failed")
        #expect(after["enabled_events"] as? [String] == ["invoice.payment_failed"])
        #expect(after["status"] as? String == "enabled")
        #expect(metadata(after)["extra"] == nil)
    }

    @Test func duplicatesAndOrphansAreDeletedUnmanagedAndForeignUntouched() async throws {
        let s = try await Scenario()
        defer { s.finish() }
        let marks = ["managed_by": "reconcile", "reconcile_owner": "e2e", "reconcile_trigger": "sync-customers/customer.updated"]
        let original = try await s.emulator.seed(key: s.key, url: "https://hooks.example.com/sync-customers/customer.updated", events: ["customer.updated"], metadata: marks)
        let duplicate = try await s.emulator.seed(key: s.key, url: "https://hooks.example.com/sync-customers/customer.updated", events: ["customer.updated"], metadata: marks)
        let orphan = try await s.emulator.seed(key: s.key, url: "https://hooks.example.com/old", events: ["charge.refunded"], metadata: marks.merging(["reconcile_trigger": "old/charge.refunded"]) { $1 })
        let unmanaged = try await s.emulator.seed(key: s.key, url: "https://zapier.example.com/x", events: ["*"])
        let foreign = try await s.emulator.seed(key: s.key, url: "https://hooks.example.com/sync-customers/customer.updated", events: ["customer.updated"], metadata: marks.merging(["reconcile_owner": "other"]) { $1 })
        try s.write(config([("sync-customers", "customer.updated")]))
        try await s.emulator.clearRequests()
        let result = try await s.reconcile()
        #expect(result.status == 0, "\(result.all)")
        let ids = Set(try await s.endpoints().compactMap { $0["id"] as? String })
        #expect(ids == [original, unmanaged, foreign])
        #expect(!ids.contains(duplicate) && !ids.contains(orphan))
        // Two deletes, the kept endpoint's description fixed in place, nothing created.
        let writes = try await s.emulator.writes().map { "\($0["method"] as? String ?? "") \($0["path"] as? String ?? "")" }
        #expect(writes.sorted() == ["DELETE /v1/webhook_endpoints/\(duplicate)", "DELETE /v1/webhook_endpoints/\(orphan)", "POST /v1/webhook_endpoints/\(original)"].sorted())
    }

    @Test func unmanagedEndpointWithTheUrlIsAdopted() async throws {
        let s = try await Scenario()
        defer { s.finish() }
        let id = try await s.emulator.seed(key: s.key, url: "https://hooks.example.com/dunning/invoice.payment_failed", events: ["invoice.payment_failed", "invoice.paid"])
        try s.write(config([("dunning", "invoice.payment_failed")]))
        let result = try await s.reconcile()
        #expect(result.status == 0, "\(result.all)")
        #expect(result.stdout.contains("< adopt dunning/invoice.payment_failed (\(id))"))
        let endpoints = try await s.endpoints()
        #expect(endpoints.count == 1)
        #expect(endpoints[0]["id"] as? String == id)
        #expect(endpoints[0]["enabled_events"] as? [String] == ["invoice.payment_failed"])
        #expect(metadata(endpoints[0])["reconcile_trigger"] == "dunning/invoice.payment_failed")
    }

    @Test func apiVersionChangeReplacesOnlyWithTheFlag() async throws {
        let s = try await Scenario()
        defer { s.finish() }
        try s.write(config([("dunning", "invoice.payment_failed")], extra: "        api_version: \"2024-06-20\"\n"))
        _ = try await s.reconcile()
        let old = try #require(try await s.endpoints().first?["id"] as? String)
        try s.write(config([("dunning", "invoice.payment_failed")], extra: "        api_version: \"2025-01-27.acacia\"\n"))
        try await s.emulator.clearRequests()
        let refused = try await s.reconcile()
        #expect(refused.status == 4, "\(refused.all)")
        #expect(refused.all.contains("--allow-replace"))
        #expect(try await s.emulator.writes().isEmpty)

        let secrets = s.folder.appendingPathComponent("out/secrets.json")
        let replaced = try await s.reconcile(["--allow-replace", "--secrets-out", secrets.path])
        #expect(replaced.status == 0, "\(replaced.all)")
        let endpoints = try await s.endpoints()
        #expect(endpoints.count == 1)
        let new = try #require(endpoints.first)
        #expect(new["id"] as? String != old)
        #expect(new["api_version"] as? String == "2025-01-27.acacia")
        let file = try JSONSerialization.jsonObject(with: Data(contentsOf: secrets)) as? [String: [String: Any]]
        #expect(file?["e2e/dunning/invoice.payment_failed"]?["secret"] as? String == new["secret"] as? String)
    }

    @Test func capIsCheckedBeforeAnyWrite() async throws {
        let s = try await Scenario()
        defer { s.finish() }
        for n in 0..<15 { try await s.emulator.seed(key: s.key, url: "https://other.example.com/\(n)", events: ["*"]) }
        try s.write(config(Self.triggers))
        try await s.emulator.clearRequests()
        let result = try await s.reconcile()
        #expect(result.status == 4, "\(result.all)")
        #expect(result.all.contains("the plan would leave 18 webhook endpoints") && result.all.contains("this account allows 16"))
        #expect(try await s.emulator.writes().isEmpty)
    }

    @Test func deletionLimitProtectsATruncatedConfig() async throws {
        let s = try await Scenario()
        defer { s.finish() }
        let many = (0..<8).map { ("wf\($0)", "customer.updated") }
        try s.write(config(many))
        _ = try await s.reconcile()
        try s.write(config(Array(many.prefix(2))))
        try await s.emulator.clearRequests()
        let refused = try await s.reconcile()
        #expect(refused.status == 4, "\(refused.all)")
        #expect(refused.all.contains("--allow-deletes"))
        #expect(try await s.emulator.writes().isEmpty)
        let allowed = try await s.reconcile(["--allow-deletes"])
        #expect(allowed.status == 0, "\(allowed.all)")
        #expect(try await s.endpoints().count == 2)
    }

    @Test func modeGuardRefusesBeforeAnyRequest() async throws {
        let s = try await Scenario()
        defer { s.finish() }
        try s.write(config(Self.triggers, stripe: "  mode: live\n"))
        let result = try await s.reconcile()
        #expect(result.status == 4, "\(result.all)")
        #expect(result.all.contains("the key in STRIPE_API_KEY is a test-mode key (it starts with sk_test_ or rk_test_) but stripe.mode is live"))
        #expect(try await s.emulator.requests().isEmpty)
    }

    @Test func listsEveryPage() async throws {
        // No server-side rate limit: the test seeds 130 endpoints as fast as it can.
        let s = try await Scenario(emulatorArguments: ["--max-endpoints", "300", "--no-rate-limit"])
        defer { s.finish() }
        for n in 0..<130 { try await s.emulator.seed(key: s.key, url: "https://other.example.com/\(n)", events: ["*"]) }
        try s.write(config(Self.triggers, stripe: "  max_endpoints: 300\n"))
        try await s.emulator.clearRequests()
        let result = try await s.reconcile(["--dry-run", "--output", "json"])
        #expect(result.status == 0, "\(result.all)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let account = (json?["accounts"] as? [[String: Any]])?.first
        #expect((account?["unmanaged"] as? [String])?.count == 130)
        let lists = try await s.emulator.requests().filter { ($0["method"] as? String) == "GET" }
        #expect(lists.count == 2)
    }

    @Test func secretsFileIsMergedAndPrivate() async throws {
        let s = try await Scenario()
        defer { s.finish() }
        let secrets = s.folder.appendingPathComponent("secrets.json")
        try #"{"old/x/customer.created": {"endpoint_id": "we_old", "secret": "whsec_old", "url": "https://x", "created": 1}}"#.write(to: secrets, atomically: true, encoding: .utf8)
        try s.write(config(Self.triggers))
        let result = try await s.reconcile(["--secrets-out", secrets.path])
        #expect(result.status == 0, "\(result.all)")
        #expect(!result.all.contains("whsec_"))
        let attributes = try FileManager.default.attributesOfItem(atPath: secrets.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let file = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: secrets)) as? [String: [String: Any]])
        #expect(file.count == 4)
        #expect(file["old/x/customer.created"]?["secret"] as? String == "whsec_old")
        for endpoint in try await s.endpoints() {
            let key = "e2e/" + (metadata(endpoint)["reconcile_trigger"] ?? "")
            #expect(file[key]?["secret"] as? String == endpoint["secret"] as? String)
            #expect(file[key]?["endpoint_id"] as? String == endpoint["id"] as? String)
        }
    }

    @Test func exitCodesAndErrors() async throws {
        let s = try await Scenario()
        defer { s.finish() }
        try s.write("version: 2\n")
        let invalid = try await s.reconcile()
        #expect(invalid.status == 3, "\(invalid.all)")
        #expect(try await s.emulator.requests().isEmpty)
        let usage = try await s.reconcile(["--output", "yaml"])
        #expect(usage.status == 64, "\(usage.all)")
        for bad in [["--concurrency", "0"], ["--max-deletes", "-1"], ["--rate-limit", "-2"], ["--max-retries", "-1"], ["--interval", "5"]] {
            let result = try await runReconcile(bad + ["--config", s.folder.appendingPathComponent("stripe-webhooks.yaml").path], environment: ["STRIPE_API_KEY": s.key])
            #expect(result.status == 64, "\(bad): \(result.all)")
        }
        let badBase = try await runReconcile(["--config", s.folder.appendingPathComponent("stripe-webhooks.yaml").path, "--api-base", "ftp://example.com"], environment: ["STRIPE_API_KEY": s.key])
        #expect(badBase.status == 64, "\(badBase.all)")
        try s.write(config(Self.triggers))
        let noKey = try await s.reconcile([], environment: ["STRIPE_API_KEY": ""])
        #expect(noKey.status == 1, "\(noKey.all)")
        #expect(noKey.all.contains("STRIPE_API_KEY is not set"))
        let badKey = try await s.reconcile([], environment: ["STRIPE_API_KEY": "sk_test_"])
        #expect(badKey.status == 1, "\(badKey.all)")
    }

    @Test func exportFedBackPlansNoChange() async throws {
        let s = try await Scenario()
        defer { s.finish() }
        try s.write(config(Self.triggers))
        _ = try await s.reconcile()
        try await s.emulator.seed(key: s.key, url: "https://zapier.example.com/hook", events: ["charge.refunded"])
        let exported = try await runReconcile(
            ["export", "--config", s.folder.appendingPathComponent("stripe-webhooks.yaml").path, "--api-base", s.emulator.base.absoluteString, "--include-unmanaged"],
            environment: ["STRIPE_API_KEY": s.key]
        )
        #expect(exported.status == 0, "\(exported.all)")
        try s.write(exported.stdout, name: "exported.yaml")
        let plan = try await s.reconcile(["--dry-run", "--detailed-exitcode", "--output", "json"], config: "exported.yaml")
        #expect(plan.status == 2, "\(plan.all)")
        let json = try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any]
        #expect(json?["summary"] as? [String: Int] == ["create": 0, "update": 0, "replace": 0, "delete": 0, "adopt": 1, "unchanged": 3])
    }
}
