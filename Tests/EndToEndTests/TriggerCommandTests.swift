import Foundation
import Testing

/// `reconcile trigger`: the emulator delivers signed events to local handlers.
@Suite struct TriggerCommandTests {
    /// A folder with a config declaring `triggers` (workflow, event) to `url`.
    private func project(_ triggers: [(String, String)], url: String) throws -> URL {
        let folder = try temporaryFolder()
        var yaml = "version: 1\nstripe:\n  owner: e2e\nworkflows:\n"
        for (workflow, event) in triggers {
            yaml += "  - name: \(workflow)\n    triggers:\n      - event: \(event)\n        url: \(url)\n"
        }
        try yaml.write(to: folder.appendingPathComponent("stripe-webhooks.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    /// Runs `reconcile ARGS` without blocking the test's threads: the receiver answers from
    /// this process's cooperative pool (two threads here), which a blocking wait would hold.
    private func run(_ arguments: [String], in folder: URL) async throws -> ProcessResult {
        try await SpawnedReconcile(arguments, environment: [:], directory: folder).wait()
    }

    private func secrets(in folder: URL) throws -> [String: String] {
        let data = try Data(contentsOf: folder.appendingPathComponent("secrets.json"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] ?? [:]
        return json.compactMapValues { $0["secret"] as? String }
    }

    @Test func deliversASignedEventToALocalHandler() async throws {
        let receiver = try await WebhookReceiver()
        let folder = try project([("crm", "customer.updated"), ("billing", "invoice.paid")], url: receiver.url)
        defer { try? FileManager.default.removeItem(at: folder) }
        let applied = try await runReconcile(["--emulator", "--secrets-out", "secrets.json"], directory: folder)
        #expect(applied.status == 0, "\(applied.all)")

        let triggered = try await run(["trigger", "Customer Updated", "--emulator", "--data", #"{"email": "ada@example.com"}"#], in: folder)
        await receiver.stop()

        #expect(triggered.status == 0, "\(triggered.all)")
        #expect(triggered.stdout.hasPrefix("crm/customer.updated → \(receiver.url): 200, 1 attempt, "), "\(triggered.stdout)")
        #expect(triggered.stdout.split(separator: "\n").count == 1)
        #expect(!triggered.all.contains("whsec_"))
        let received = try #require(receiver.received.first)
        #expect(receiver.received.count == 1)
        #expect(received.contentType == "application/json; charset=utf-8")
        #expect(received.body.contains(#""email":"ada@example.com""#))
        let secret = try #require(try secrets(in: folder)["e2e/crm/customer.updated"])
        #expect(WebhookReceiver.verify(received, secret: secret))
        #expect(!WebhookReceiver.verify(received, secret: try #require(try secrets(in: folder)["e2e/billing/invoice.paid"])))
    }

    @Test func aFailingHandlerIsRetriedAndExitsOne() async throws {
        let receiver = try await WebhookReceiver(statuses: [500, 500, 500])
        let folder = try project([("crm", "customer.updated")], url: receiver.url)
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await runReconcile(["--emulator"], directory: folder)

        let failed = try await run(["trigger", "customer.updated", "--emulator", "--attempts", "2"], in: folder)
        #expect(failed.status == 1, "\(failed.all)")
        #expect(failed.stdout.contains(": 500, 2 attempts, "), "\(failed.stdout)")
        #expect(failed.stderr.contains("1 of 1 deliveries got no 2xx"))

        // The receiver's last 500, then a 200: this run succeeds on its second attempt.
        let recovered = try await run(["trigger", "customer.updated", "--emulator"], in: folder)
        await receiver.stop()
        #expect(recovered.status == 0, "\(recovered.all)")
        #expect(recovered.stdout.contains(": 200, 2 attempts, "), "\(recovered.stdout)")
        #expect(receiver.received.count == 4)
    }

    @Test func anUnreachableHandlerIsReported() async throws {
        let receiver = try await WebhookReceiver()
        let url = receiver.url
        await receiver.stop()
        let folder = try project([("crm", "customer.updated")], url: url)
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await runReconcile(["--emulator"], directory: folder)

        let started = ContinuousClock.now
        // With a 30 s timeout per attempt, a hang would show; a refused connect fails at once.
        let result = try await run(["trigger", "customer.updated", "--emulator", "--attempts", "2", "--timeout", "30"], in: folder)
        #expect(ContinuousClock.now - started < .seconds(20))
        #expect(result.status == 1)
        #expect(result.stdout.contains("crm/customer.updated → \(url): connection refused, 2 attempts"), "\(result.all)")
    }

    @Test func noEndpointListeningExitsOne() async throws {
        let folder = try project([("crm", "customer.updated")], url: "http://127.0.0.1:9/hook")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await runReconcile(["--emulator"], directory: folder)
        let result = try await runReconcile(["trigger", "charge.failed", "--emulator"], directory: folder)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no enabled endpoint of stripe-webhooks.yaml listens to charge.failed"), "\(result.stderr)")
    }

    @Test func badInputsAreUsageErrors() async throws {
        let folder = try project([("crm", "customer.updated")], url: "http://127.0.0.1:9/hook")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases: [([String], String)] = [
            (["customer.updatd", "--emulator"], "did you mean `customer.updated`?"),
            (["*", "--emulator"], "exactly one type"),
            (["customer.updated", "--emulator", "--data", "{bad"], "--data: not valid JSON"),
            (["customer.updated", "--emulator", "--data", "[1]"], "must be a JSON object"),
            (["customer.updated", "--emulator", "--data", "@missing.json"], "--data @missing.json: cannot read the file"),
            (["customer.updated", "--api-base", "https://api.stripe.com"], "`stripe trigger customer.updated`"),
            (["customer.updated"], "Stripe sends an event only for real activity"),
            (["customer.updated", "--emulator", "--attempts", "0"], "--attempts must be between 1 and 100"),
            (["customer.updated", "--emulator", "--timeout", "1e20"], "--timeout must be a number of seconds above 0 and at most 600"),
        ]
        for (arguments, message) in cases {
            let result = try await runReconcile(["trigger"] + arguments, directory: folder)
            #expect(result.status == 64, "\(arguments): \(result.all)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        try "version: 2\n".write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        #expect(try await runReconcile(["trigger", "customer.updated", "--emulator", "--config", "bad.yaml"], directory: folder).status == 3)
    }

    @Test func apiBaseAsksARunningEmulator() async throws {
        let receiver = try await WebhookReceiver()
        let scenario = try await Scenario()
        defer { scenario.finish() }
        try scenario.write("version: 1\nstripe:\n  owner: e2e\nworkflows:\n  - name: crm\n    triggers:\n      - event: customer.updated\n        url: \(receiver.url)\n")
        #expect(try await scenario.reconcile().status == 0)

        let result = try await scenario.spawn(["trigger", "customer.updated"]).wait()
        await receiver.stop()

        #expect(result.status == 0, "\(result.all)")
        #expect(result.stdout.hasPrefix("crm/customer.updated → \(receiver.url): 200, 1 attempt"), "\(result.stdout)")
        #expect(receiver.received.count == 1)
        let deliveries = try await scenario.emulator.deliveries()
        #expect(deliveries.map { $0["status"] as? Int } == [200])
        #expect(deliveries.first?["trigger"] as? String == "crm/customer.updated")
    }
}
