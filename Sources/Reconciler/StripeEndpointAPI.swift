import ReconcileCore
import StripeAPI

/// The engine's view of Stripe, over the HTTP client: maps wire models to the core's.
public struct StripeEndpointAPI: EndpointAPI {
    public let client: StripeClient

    public init(client: StripeClient) {
        self.client = client
    }

    public func listAll() async throws -> [ObservedEndpoint] {
        try await client.listAllWebhookEndpoints().map(ObservedEndpoint.init)
    }

    public func create(_ endpoint: DesiredEndpoint, idempotencyKey: String) async throws -> CreatedEndpoint {
        let params = WebhookEndpointCreateParams(
            url: endpoint.url, enabledEvents: endpoint.enabledEvents, description: endpoint.description,
            apiVersion: endpoint.apiVersion, connect: endpoint.connect ? true : nil, metadata: endpoint.metadata
        )
        let response = try await client.createWebhookEndpointWithResponse(params, idempotencyKey: idempotencyKey)
        let created = response.value
        return CreatedEndpoint(id: created.id, secret: created.secret, url: created.url, created: Int(created.created), replayed: response.idempotentReplayed)
    }

    public func update(endpointID: String, _ update: EndpointUpdate, idempotencyKey: String) async throws {
        let params = WebhookEndpointUpdateParams(
            url: update.url, enabledEvents: update.enabledEvents, description: update.description,
            disabled: update.disabled, metadata: update.metadata
        )
        _ = try await client.updateWebhookEndpoint(id: endpointID, params, idempotencyKey: idempotencyKey)
    }

    public func delete(endpointID: String) async throws {
        _ = try await client.deleteWebhookEndpoint(id: endpointID)
    }

    public func exists(endpointID: String) async throws -> Bool {
        do {
            _ = try await client.retrieveWebhookEndpoint(id: endpointID)
            return true
        } catch let error as StripeError where error.kind == .notFound {
            return false
        }
    }
}

extension ObservedEndpoint {
    /// The planner's view of a listed endpoint.
    init(_ endpoint: WebhookEndpoint) {
        self.init(
            id: endpoint.id, url: endpoint.url, enabledEvents: endpoint.enabledEvents, description: endpoint.description,
            enabled: endpoint.status == .enabled, apiVersion: endpoint.apiVersion, application: endpoint.application,
            metadata: endpoint.metadata, created: Int(endpoint.created), livemode: endpoint.livemode
        )
    }
}
