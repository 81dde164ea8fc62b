import Foundation

extension StripeClient {
    /// The most pages a listing follows: 10,000 endpoints, far past any real account
    /// (Stripe allows 16), so a server whose every page says `has_more` cannot hold a run.
    public static let maxListPages = 100

    /// Lists every webhook endpoint of the account, following pages of 100 with
    /// `starting_after` while `has_more`; newest first, as Stripe orders them.
    ///
    /// - Throws: ``StripeError`` also when the pages go on past ``maxListPages``.
    public func listAllWebhookEndpoints() async throws -> [WebhookEndpoint] {
        var endpoints: [WebhookEndpoint] = []
        var seen = Set<String>()
        var startingAfter: String?
        for pageNumber in 1... {
            var request = StripeRequest(method: "GET", path: "/v1/webhook_endpoints", operation: "list webhook endpoints")
            request.query.add("limit", "100")
            if let startingAfter { request.query.add("starting_after", startingAfter) }
            let page = try await value(of: request, as: WebhookEndpointList.self)
            let fresh = page.data.filter { seen.insert($0.id).inserted }
            endpoints += fresh
            guard page.hasMore else { return endpoints }
            guard pageNumber < Self.maxListPages else {
                throw StripeError(
                    kind: .unexpectedResponse, operation: request.operation, status: 200,
                    message: "stopped after \(Self.maxListPages) pages (\(endpoints.count) endpoints) that all said has_more; no real account has that many webhook endpoints: check the API base",
                    keySource: keySource)
            }
            // A server that says has_more but repeats itself would otherwise loop forever.
            guard let last = page.data.last, !fresh.isEmpty else {
                throw StripeError(
                    kind: .unexpectedResponse, operation: request.operation, status: 200,
                    message: "a page said has_more but brought no new endpoint", keySource: keySource)
            }
            startingAfter = last.id
        }
        preconditionFailure("a listing ends within its pages")
    }

    /// Fetches one endpoint (without its secret, which only the create response has).
    public func retrieveWebhookEndpoint(id: String) async throws -> WebhookEndpoint {
        let request = StripeRequest(
            method: "GET", path: Self.endpointPath(id), operation: "retrieve webhook endpoint \(id)")
        return try await value(of: request, as: WebhookEndpoint.self)
    }

    /// Creates an endpoint; the result's `secret` is the only time Stripe shows it.
    ///
    /// - Parameter idempotencyKey: sent as `Idempotency-Key`; without one the request is
    ///   never retried, since a lost response may hide an applied create.
    public func createWebhookEndpoint(
        _ params: WebhookEndpointCreateParams, idempotencyKey: String?
    ) async throws -> WebhookEndpoint {
        try await createWebhookEndpointWithResponse(params, idempotencyKey: idempotencyKey).value
    }

    /// Creates an endpoint, also telling whether Stripe replayed an earlier create with
    /// the same idempotency key (the endpoint then existed before this call).
    public func createWebhookEndpointWithResponse(
        _ params: WebhookEndpointCreateParams, idempotencyKey: String?
    ) async throws -> StripeResponse<WebhookEndpoint> {
        let request = StripeRequest(
            method: "POST", path: "/v1/webhook_endpoints", form: params.form, idempotencyKey: idempotencyKey,
            operation: "create webhook endpoint for \(params.url)")
        return try await response(to: request, decoding: WebhookEndpoint.self)
    }

    /// Updates an endpoint (Stripe updates with POST); fields left `nil` are kept.
    ///
    /// - Parameter idempotencyKey: sent as `Idempotency-Key`; without one no retry.
    public func updateWebhookEndpoint(
        id: String, _ params: WebhookEndpointUpdateParams, idempotencyKey: String?
    ) async throws -> WebhookEndpoint {
        let request = StripeRequest(
            method: "POST", path: Self.endpointPath(id), form: params.form, idempotencyKey: idempotencyKey,
            operation: "update webhook endpoint \(id)")
        return try await value(of: request, as: WebhookEndpoint.self)
    }

    /// Deletes an endpoint. Stripe takes no idempotency key on DELETE; a retried delete
    /// that finds the endpoint gone (404) has done its job and returns ``DeleteOutcome/alreadyGone``.
    public func deleteWebhookEndpoint(id: String) async throws -> DeleteOutcome {
        let request = StripeRequest(
            method: "DELETE", path: Self.endpointPath(id), operation: "delete webhook endpoint \(id)")
        do {
            let deleted = try await value(of: request, as: DeletedObject.self)
            guard deleted.deleted else {
                throw StripeError(
                    kind: .unexpectedResponse, operation: request.operation, status: 200,
                    message: "the response did not say deleted: true", keySource: keySource, isWrite: true)
            }
            return .deleted
        } catch let error as StripeError where error.kind == .notFound {
            return .alreadyGone
        }
    }

    private static func endpointPath(_ id: String) -> String {
        "/v1/webhook_endpoints/" + FormEncoder.escape(id)
    }
}
