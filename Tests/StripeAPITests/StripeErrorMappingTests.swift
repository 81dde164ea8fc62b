import Foundation
import StripeAPI
import Testing

@Suite struct StripeErrorMappingTests {
    private func failure(
        _ step: ScriptedTransport.Step, keySource: String? = "STRIPE_API_KEY",
        _ call: (StripeClient) async throws -> Void = { _ = try await $0.retrieveWebhookEndpoint(id: "we_1") }
    ) async -> StripeError? {
        let client = Fixtures.client(ScriptedTransport([step]), retry: .never, keySource: keySource)
        do {
            try await call(client)
            return nil
        } catch {
            return error as? StripeError
        }
    }

    @Test(arguments: [
        (400, "invalid_request_error", StripeErrorKind.invalidRequest),
        (400, "idempotency_error", .idempotency),
        (401, "invalid_request_error", .authentication),
        (403, "invalid_request_error", .permission),
        (404, "invalid_request_error", .notFound),
        (409, "invalid_request_error", .conflict),
        (422, "invalid_request_error", .invalidRequest),
        (429, "invalid_request_error", .rateLimited),
        (500, "api_error", .server),
        (503, "api_error", .server),
    ])
    func statusMapsToKind(status: Int, type: String, kind: StripeErrorKind) async throws {
        let error = try #require(await failure(.stripeError(status, type: type, code: "some_code", message: "msg")))
        #expect(error.kind == kind)
        #expect(error.status == status)
        #expect(error.type == type)
        #expect(error.code == "some_code")
        #expect(error.message == "msg")
        #expect(error.requestId == "req_test123")
    }

    @Test func unauthorizedNamesTheVariableToSet() async throws {
        let error = try #require(await failure(.stripeError(401, message: "Invalid API Key provided: sk_test_***1234")))
        #expect(error.description == "retrieve webhook endpoint we_1 failed (HTTP 401, invalid_request_error): "
            + "Invalid API Key provided: sk_test_[redacted]; the API key in STRIPE_API_KEY was refused by Stripe: "
            + "set it to a valid secret or restricted key (sk_... or rk_...) of this account (Stripe request id req_test123)")
    }

    @Test func forbiddenNamesThePermission() async throws {
        let readError = try #require(await failure(.stripeError(403, message: "The provided key 'rk_test_***abcd' does not have the required permissions")))
        #expect(readError.description.contains("\"Webhook Endpoints: Read\""))
        #expect(!readError.description.contains("abcd"))
        let writeError = try #require(await failure(.stripeError(403)) {
            _ = try await $0.deleteWebhookEndpoint(id: "we_1")
        })
        #expect(writeError.description.contains("\"Webhook Endpoints: Write\""))
    }

    @Test func badParameterNamesIt() async throws {
        let error = try #require(await failure(
            .stripeError(400, code: "url_invalid", message: "Invalid URL: must begin with \"https://\"", param: "url")) {
            _ = try await $0.createWebhookEndpoint(.init(url: "http://x", enabledEvents: ["*"]), idempotencyKey: "k")
        })
        #expect(error.description == "create webhook endpoint for http://x failed (HTTP 400, invalid_request_error, url_invalid): "
            + "Invalid URL: must begin with \"https://\" [param: url]; fix the parameter Stripe names and run again "
            + "(Stripe request id req_test123)")
    }

    @Test(arguments: [
        ("<html><body>502 Bad Gateway</body></html>", 200),
        ("{\"id\": \"we_1\", \"obj", 200),
        ("", 200),
        ("not json", 400),
        ("{\"unexpected\": true}", 404),
    ])
    func garbledBodiesBecomeUnexpectedResponse(body: String, status: Int) async throws {
        let error = try #require(await failure(.json(status, body, headers: ["Content-Type": "text/html"])))
        #expect(error.kind == .unexpectedResponse)
        #expect(error.status == status)
        #expect(error.description.contains("check --api-base / STRIPE_API_BASE"))
    }

    @Test func aSuccessOfTheWrongShapeNamesTheField() async throws {
        let body = #"{"id": "we_1", "object": "webhook_endpoint", "created": 1, "enabled_events": ["*"], "status": "enabled"}"#
        let error = try #require(await failure(.json(200, body)))
        #expect(error.kind == .unexpectedResponse)
        #expect(error.description.contains("the response is not the expected JSON: `url` is missing"))
    }

    @Test func aBodyless401IsStillAnAuthenticationError() async throws {
        let error = try #require(await failure(.respond(HTTPResponse(status: 401, headers: ["Request-Id": "req_1"]))))
        #expect(error.kind == .authentication)
        #expect(error.description == "retrieve webhook endpoint we_1 failed (HTTP 401): HTTP 401 without a body; "
            + "the API key in STRIPE_API_KEY was refused by Stripe: set it to a valid secret or restricted key "
            + "(sk_... or rk_...) of this account (Stripe request id req_1)")
    }

    @Test func htmlFromAProxyOn502IsStillAServerError() async throws {
        let error = try #require(await failure(.json(502, "<html>Bad Gateway</html>")))
        #expect(error.kind == .server)
        #expect(error.description.contains("<html>Bad Gateway</html>"))
    }

    @Test func networkFaultsSayWhereAndHowOften() async throws {
        let error = try #require(await failure(.fail(.connectionFailed("refused"))))
        #expect(error.kind == .network)
        #expect(error.status == nil)
        #expect(error.description == "retrieve webhook endpoint we_1 failed: connection failed (refused) talking to "
            + "api.stripe.test; no response after 1 attempt: check the network and --api-base / STRIPE_API_BASE, then run again")
    }

    @Test func withoutAKeySourceTheAdviceStaysGeneric() async throws {
        let error = try #require(await failure(.stripeError(401), keySource: nil))
        #expect(error.advice.hasPrefix("the API key was refused by Stripe"))
    }
}
