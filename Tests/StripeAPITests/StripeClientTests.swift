import Foundation
import StripeAPI
import Testing

@Suite struct StripeClientTests {
    @Test func sendsStripesHeadersAndForm() async throws {
        let transport = ScriptedTransport([.json(200, Fixtures.createdEndpoint)])
        let client = Fixtures.client(transport)
        let created = try await client.createWebhookEndpoint(
            .init(url: "https://example.com/my/webhook/endpoint", enabledEvents: ["charge.succeeded"]),
            idempotencyKey: "key-1")
        #expect(created.secret == "whsec_wRNftLajMZNeslQOP6vEPm4iVx5NlZ6z")
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url.absoluteString == "https://api.stripe.test/v1/webhook_endpoints")
        #expect(request.headers == [
            "Authorization": "Bearer sk_test_51ABCdefGHIjklMNOpqrSTUvwxYZ",
            "Stripe-Version": "2026-10-28.endive",
            "User-Agent": "reconcile/\(ToolVersion.number)",
            "Accept": "application/json",
            "Content-Type": "application/x-www-form-urlencoded",
            "Idempotency-Key": "key-1",
        ])
        #expect(request.body.map { String(decoding: $0, as: UTF8.self) }
            == "url=https%3A%2F%2Fexample.com%2Fmy%2Fwebhook%2Fendpoint&enabled_events%5B0%5D=charge.succeeded")
    }

    @Test func listFollowsEveryPage() async throws {
        let transport = ScriptedTransport([
            .json(200, Fixtures.list(["we_3", "we_2"], hasMore: true)),
            .json(200, Fixtures.list(["we_1"], hasMore: false)),
        ])
        let endpoints = try await Fixtures.client(transport).listAllWebhookEndpoints()
        #expect(endpoints.map(\.id) == ["we_3", "we_2", "we_1"])
        #expect(transport.requests.map(\.url.absoluteString) == [
            "https://api.stripe.test/v1/webhook_endpoints?limit=100",
            "https://api.stripe.test/v1/webhook_endpoints?limit=100&starting_after=we_2",
        ])
        #expect(transport.requests.allSatisfy { $0.body == nil && $0.headers["Content-Type"] == nil })
    }

    @Test func listRefusesAServerThatRepeatsItself() async throws {
        let page = ScriptedTransport.Step.json(200, Fixtures.list(["we_1"], hasMore: true))
        let error = try await #require(throws: StripeError.self) {
            _ = try await Fixtures.client(ScriptedTransport([page, page])).listAllWebhookEndpoints()
        }
        #expect(error.kind == .unexpectedResponse)
    }

    @Test func updateAndDeleteUseTheEndpointPath() async throws {
        let transport = ScriptedTransport([
            .json(200, Fixtures.endpoint("we_1")),
            .json(200, Fixtures.deleted("we_1")),
            .stripeError(404, code: "resource_missing", message: "No such webhook_endpoint: 'we_1'"),
        ])
        let client = Fixtures.client(transport)
        _ = try await client.updateWebhookEndpoint(id: "we_1", .init(disabled: true), idempotencyKey: nil)
        #expect(try await client.deleteWebhookEndpoint(id: "we_1") == .deleted)
        #expect(try await client.deleteWebhookEndpoint(id: "we_1") == .alreadyGone)
        #expect(transport.requests.map { "\($0.method) \($0.url.path)" } == [
            "POST /v1/webhook_endpoints/we_1", "DELETE /v1/webhook_endpoints/we_1", "DELETE /v1/webhook_endpoints/we_1",
        ])
        #expect(transport.requests[0].headers["Idempotency-Key"] == nil)
    }

    @Test func aRetriedDeleteThatFindsItGoneIsDone() async throws {
        let transport = ScriptedTransport([
            .fail(.connectionDropped()),
            .stripeError(404, code: "resource_missing"),
        ])
        let clock = ManualClock()
        #expect(try await Fixtures.client(transport, clock: clock).deleteWebhookEndpoint(id: "we_1") == .alreadyGone)
        #expect(clock.sleeps == [.milliseconds(500)])
    }

    @Test func retriesReuseTheIdempotencyKeyAndCountReplays() async throws {
        let transport = ScriptedTransport([
            .stripeError(500, type: "api_error"),
            .fail(.timedOut()),
            .stripeError(429, code: "rate_limit", headers: ["Retry-After": "2"]),
            .json(200, Fixtures.createdEndpoint, headers: ["Idempotent-Replayed": "true"]),
        ])
        let clock = ManualClock()
        let client = Fixtures.client(transport, clock: clock)
        let response = try await client.createWebhookEndpointWithResponse(
            .init(url: "https://x.example", enabledEvents: ["*"]), idempotencyKey: "k-7")
        #expect(response.idempotentReplayed)
        #expect(response.attempts == 4)
        #expect(response.requestId == "req_test123")
        #expect(transport.requests.count == 4)
        #expect(transport.requests.allSatisfy { $0.headers["Idempotency-Key"] == "k-7" })
        #expect(Set(transport.requests.compactMap(\.body)).count == 1)
        #expect(clock.sleeps == [.milliseconds(500), .seconds(1), .seconds(2)])
        var expected = StripeClientMetrics()
        expected.requests = 4
        expected.retries = 3
        expected.rateLimited = 1
        expected.serverErrors = 1
        expected.networkErrors = 1
        expected.idempotentReplays = 1
        #expect(client.metrics == expected)
    }

    @Test func aServerErrorSavedForTheKeyIsRetriedUnderTheNextKey() async throws {
        let transport = ScriptedTransport([
            .stripeError(500, type: "api_error", headers: ["Stripe-Should-Retry": "false"]),
            .stripeError(500, type: "api_error", headers: ["Idempotent-Replayed": "true"]),
            .stripeError(503, type: "api_error"),
            .json(200, Fixtures.createdEndpoint),
        ])
        _ = try await Fixtures.client(transport).createWebhookEndpoint(
            .init(url: "https://x.example", enabledEvents: ["*"]), idempotencyKey: "k")
        #expect(transport.requests.map { $0.headers["Idempotency-Key"] } == ["k", "k~2", "k~3", "k~3"])
    }

    @Test func aPostWithoutAKeyIsNeverRetried() async throws {
        let transport = ScriptedTransport([.fail(.connectionDropped()), .json(200, Fixtures.createdEndpoint)])
        let error = try await #require(throws: StripeError.self) {
            _ = try await Fixtures.client(transport).createWebhookEndpoint(
                .init(url: "https://x.example", enabledEvents: ["*"]), idempotencyKey: nil)
        }
        #expect(error.kind == .network)
        #expect(transport.requests.count == 1)
    }

    @Test(arguments: [400, 401, 403, 404])
    func clientErrorsAreNotRetried(status: Int) async throws {
        let transport = ScriptedTransport([.stripeError(status), .json(200, Fixtures.endpoint("we_1"))])
        await #expect(throws: StripeError.self) {
            _ = try await Fixtures.client(transport).retrieveWebhookEndpoint(id: "we_1")
        }
        #expect(transport.requests.count == 1)
    }

    @Test func giveUpAfterTheAttemptBoundWithTheLastError() async throws {
        let transport = ScriptedTransport(Array(repeating: .stripeError(503, type: "api_error"), count: 10))
        let clock = ManualClock()
        let error = try await #require(throws: StripeError.self) {
            _ = try await Fixtures.client(transport, clock: clock).listAllWebhookEndpoints()
        }
        #expect(transport.requests.count == 5)
        #expect(error.attempts == 5)
        #expect(error.kind == .server)
        #expect(clock.sleeps == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4)])
    }

    @Test func giveUpWhenTheTotalTimeWouldBeExceeded() async throws {
        let transport = ScriptedTransport(Array(repeating: .fail(.timedOut()), count: 10))
        let clock = ManualClock()
        let policy = RetryPolicy(maxRetries: 10, maxTotalTime: .seconds(3))
        await #expect(throws: StripeError.self) {
            _ = try await Fixtures.client(transport, clock: clock, retry: policy).retrieveWebhookEndpoint(id: "we_1")
        }
        #expect(clock.sleeps == [.milliseconds(500), .seconds(1)])
        #expect(clock.now() < .seconds(3))
    }

    @Test func shouldRetryFalseStopsAServerError() async throws {
        let transport = ScriptedTransport([.stripeError(500, type: "api_error", headers: ["Stripe-Should-Retry": "false"])])
        await #expect(throws: StripeError.self) {
            _ = try await Fixtures.client(transport).retrieveWebhookEndpoint(id: "we_1")
        }
        #expect(transport.requests.count == 1)
    }

    @Test func cancellationStopsRetrying() async throws {
        let transport = ScriptedTransport(Array(repeating: .stripeError(503, type: "api_error"), count: 10))
        let client = StripeClient(
            apiKey: "sk_test_x", apiBase: URL(string: "https://api.stripe.test")!, transport: transport,
            requestsPerSecond: 0)
        let task = Task { try await client.listAllWebhookEndpoints() }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        await #expect(throws: CancellationError.self) { _ = try await task.value }
        #expect(transport.requests.count == 1)
    }

    @Test func observerSeesEveryAttempt() async throws {
        let events = EventLog()
        let transport = ScriptedTransport([.stripeError(429), .json(200, Fixtures.endpoint("we_1"))])
        let client = StripeClient(
            apiKey: "sk_test_x", apiBase: URL(string: "https://api.stripe.test")!, transport: transport,
            requestsPerSecond: 0, clock: ManualClock(), random: { 0 }, onRequest: { events.append($0) })
        _ = try await client.retrieveWebhookEndpoint(id: "we_1")
        #expect(events.all.map(\.status) == [429, 200])
        #expect(events.all.map(\.retryAfter) == [.milliseconds(250), nil])
        #expect(events.all.map(\.attempt) == [1, 2])
    }
}

/// Collects observer events from any thread.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [StripeRequestEvent] = []

    var all: [StripeRequestEvent] { lock.withLock { events } }

    func append(_ event: StripeRequestEvent) {
        lock.withLock { events.append(event) }
    }
}
