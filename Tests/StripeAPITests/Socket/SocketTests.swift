import Foundation
import StripeAPI
import StripeEmulator
import Testing

/// The client against the emulator over a real socket, through URLSession (libcurl).
@Suite(.timeLimit(.minutes(1))) struct SocketTests {
    private func createParams(_ index: Int) -> WebhookEndpointCreateParams {
        WebhookEndpointCreateParams(
            url: "https://hooks.example.com/\(index)?a=b c", enabledEvents: ["customer.updated", "invoice.paid"],
            description: "Endpoint & #\(index)", metadata: ["managed_by": "reconcile", "n": "\(index)"])
    }

    @Test func createListUpdateDelete() async throws {
        try await LiveEmulator.with { live in
            let client = live.client()
            let created = try await client.createWebhookEndpoint(createParams(1), idempotencyKey: "create-1")
            #expect(created.secret?.hasPrefix("whsec_") == true)
            #expect(created.url == "https://hooks.example.com/1?a=b c")
            #expect(created.description == "Endpoint & #1")
            #expect(created.enabledEvents == ["customer.updated", "invoice.paid"])
            #expect(created.metadata == ["managed_by": "reconcile", "n": "1"])
            #expect(live.stored().map(\.id) == [created.id])

            let updated = try await client.updateWebhookEndpoint(
                id: created.id,
                WebhookEndpointUpdateParams(description: "", disabled: true, metadata: ["n": nil, "team": "crm"]),
                idempotencyKey: "update-1")
            #expect(updated.status == .disabled)
            #expect(updated.description == nil || updated.description == "")
            #expect(updated.metadata == ["managed_by": "reconcile", "team": "crm"])
            #expect(updated.secret == nil)

            let listed = try await client.listAllWebhookEndpoints()
            #expect(listed == [updated])
            #expect(try await client.retrieveWebhookEndpoint(id: created.id) == updated)

            #expect(try await client.deleteWebhookEndpoint(id: created.id) == .deleted)
            #expect(try await client.deleteWebhookEndpoint(id: created.id) == .alreadyGone)
            #expect(try await client.listAllWebhookEndpoints().isEmpty)
            #expect(client.metrics.retries == 0)
        }
    }

    @Test func listFollowsPagesBeyondAHundred() async throws {
        try await LiveEmulator.with(.init(maxEndpoints: 250, rateLimit: nil)) { live in
            let client = live.client()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<205 {
                    group.addTask { _ = try await client.createWebhookEndpoint(createParams(index), idempotencyKey: "c\(index)") }
                }
                try await group.waitForAll()
            }
            live.emulator.clearRequestLog()
            let listed = try await client.listAllWebhookEndpoints()
            #expect(listed.count == 205)
            #expect(Set(listed.map(\.id)).count == 205)
            #expect(listed.map(\.id) == live.stored().map(\.id))
            #expect(live.emulator.requestLog().map(\.method) == ["GET", "GET", "GET"])
        }
    }

    @Test func stripeErrorsArriveTyped() async throws {
        try await LiveEmulator.with { live in
            let client = live.client()
            let missing = try await #require(throws: StripeAPI.StripeError.self) {
                _ = try await client.retrieveWebhookEndpoint(id: "we_doesnotexist")
            }
            #expect(missing.kind == .notFound)
            #expect(missing.code == "resource_missing")
            #expect(missing.requestId?.hasPrefix("req_") == true)

            let invalid = try await #require(throws: StripeAPI.StripeError.self) {
                _ = try await client.createWebhookEndpoint(
                    .init(url: "https://x.example", enabledEvents: ["not.an.event"]), idempotencyKey: "bad")
            }
            #expect(invalid.kind == .invalidRequest)
            #expect(invalid.param != nil)

            let refused = try await #require(throws: StripeAPI.StripeError.self) {
                _ = try await live.client(key: "sk_test_").listAllWebhookEndpoints()
            }
            #expect(refused.kind == .authentication)
            #expect(refused.description.contains("the API key in STRIPE_API_KEY was refused by Stripe"))
        }
    }

    @Test func faultsOnEveryMethodConvergeThroughRetries() async throws {
        let faults = EmulatorFaults(rateLimit: 0.1, unavailable: 0.1, drop: 0.05, lost: 0.1)
        try await LiveEmulator.with(.init(maxEndpoints: 100, rateLimit: nil, faults: faults, faultSeed: 7)) { live in
            let client = live.client(retry: RetryPolicy(
                maxRetries: 12, baseDelay: .milliseconds(2), maxDelay: .milliseconds(20), requestTimeout: .seconds(5)))
            var ids: [String] = []
            for index in 0..<30 {
                ids.append(try await client.createWebhookEndpoint(createParams(index), idempotencyKey: "fault-\(index)").id)
            }
            // Lost responses were replayed under the same key: one endpoint per create.
            #expect(live.stored().count == 30)
            #expect(Set(ids) == Set(live.stored().map(\.id)))
            for id in ids.prefix(10) {
                _ = try await client.updateWebhookEndpoint(id: id, .init(disabled: true), idempotencyKey: "off-\(id)")
            }
            #expect(try await client.listAllWebhookEndpoints().count(where: { $0.status == .disabled }) == 10)
            for id in ids.prefix(20) {
                _ = try await client.deleteWebhookEndpoint(id: id)
            }
            #expect(Set(live.stored().map(\.id)) == Set(ids.dropFirst(20)))
            let metrics = client.metrics
            #expect(metrics.retries > 0)
            #expect(metrics.idempotentReplays > 0)
            #expect(metrics.networkErrors > 0)
        }
    }

    @Test func serverErrorsSavedForTheKeyAreRetriedUnderTheNextKey() async throws {
        let faults = EmulatorFaults(serverError: 0.3, methods: ["POST"])
        try await LiveEmulator.with(.init(maxEndpoints: 100, rateLimit: nil, faults: faults, faultSeed: 3)) { live in
            let client = live.client(retry: RetryPolicy(maxRetries: 12, baseDelay: .milliseconds(2), maxDelay: .milliseconds(20)))
            for index in 0..<20 {
                _ = try await client.createWebhookEndpoint(createParams(index), idempotencyKey: "five-\(index)")
            }
            #expect(live.stored().count == 20)
            let keys = live.emulator.requestLog().compactMap(\.idempotencyKey)
            #expect(keys.contains { $0.hasSuffix("~2") })
            #expect(client.metrics.serverErrors > 0)
        }
    }

    @Test func aLostCreateResponseIsAppliedOnce() async throws {
        try await LiveEmulator.with(.init(rateLimit: nil, faults: EmulatorFaults(lost: 1, methods: ["POST"]))) { live in
            let client = live.client(retry: RetryPolicy(maxRetries: 2, baseDelay: .milliseconds(5), requestTimeout: .seconds(5)))
            await #expect(throws: StripeAPI.StripeError.self) {
                _ = try await client.createWebhookEndpoint(createParams(1), idempotencyKey: "lost-1")
            }
            #expect(live.stored().count == 1)
            live.emulator.setFaults(.none)
            let response = try await client.createWebhookEndpointWithResponse(createParams(1), idempotencyKey: "lost-1")
            #expect(response.idempotentReplayed)
            #expect(response.value.id == live.stored().first?.id)
            #expect(response.value.secret == live.stored().first?.secret)
            #expect(live.stored().count == 1)
        }
    }

    @Test func aPostWithoutAKeyIsNotRetriedOverTheWire() async throws {
        try await LiveEmulator.with(.init(rateLimit: nil, faults: EmulatorFaults(drop: 1, methods: ["POST"]))) { live in
            let client = live.client()
            let error = try await #require(throws: StripeAPI.StripeError.self) {
                _ = try await client.createWebhookEndpoint(createParams(1), idempotencyKey: nil)
            }
            #expect(error.kind == .network)
            #expect(live.emulator.requestLog().count == 1)
        }
    }

    @Test func theClientsPaceKeepsAHealthyRunFreeOf429s() async throws {
        try await LiveEmulator.with(.init(rateLimit: .stripe)) { live in
            let client = live.client(retry: .never, requestsPerSecond: nil)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<40 {
                    group.addTask { _ = try await client.listAllWebhookEndpoints() }
                }
                try await group.waitForAll()
            }
            #expect(client.metrics.rateLimited == 0)
            #expect(client.metrics.requests == 40)
        }
    }

    @Test func aSlowResponseTimesOutAndIsRetried() async throws {
        try await LiveEmulator.with(.init(rateLimit: nil, faults: EmulatorFaults(latencyMs: 400))) { live in
            let client = live.client(retry: RetryPolicy(maxRetries: 1, baseDelay: .milliseconds(5), requestTimeout: .milliseconds(100)))
            let error = try await #require(throws: StripeAPI.StripeError.self) {
                _ = try await client.listAllWebhookEndpoints()
            }
            #expect(error.kind == .network)
            #expect(error.attempts == 2)
            #expect(error.description.contains("timed out"))
        }
    }

    @Test func nothingListensThere() async throws {
        let client = StripeClient(
            apiKey: "sk_test_x", apiBase: URL(string: "http://127.0.0.1:9")!, transport: HTTPClientTransport(),
            retry: RetryPolicy(maxRetries: 1, baseDelay: .milliseconds(1)), requestsPerSecond: 0)
        let error = try await #require(throws: StripeAPI.StripeError.self) {
            _ = try await client.listAllWebhookEndpoints()
        }
        #expect(error.kind == .network)
        #expect(error.attempts == 2)
    }
}
