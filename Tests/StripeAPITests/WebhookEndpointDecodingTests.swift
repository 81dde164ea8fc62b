import Foundation
import StripeAPI
import Testing

@Suite struct WebhookEndpointDecodingTests {
    @Test func decodesACreateResponseWithItsSecret() throws {
        let endpoint = try JSONDecoder().decode(WebhookEndpoint.self, from: Data(Fixtures.createdEndpoint.utf8))
        #expect(endpoint == WebhookEndpoint(
            id: "we_1Mr5jULkdIwHu7ix1ibLTM0x", created: 1_680_122_196,
            enabledEvents: ["charge.succeeded", "charge.failed"],
            secret: "whsec_wRNftLajMZNeslQOP6vEPm4iVx5NlZ6z", url: "https://example.com/my/webhook/endpoint"))
    }

    @Test func toleratesUnknownFieldsAndStatuses() throws {
        let json = """
            {"id": "we_1", "object": "webhook_endpoint", "created": 1, "enabled_events": ["*"],
             "livemode": true, "metadata": {"a": "b"}, "status": "paused", "url": "https://x.example",
             "api_version": "2026-10-28.endive", "application": "ca_123", "description": "d",
             "new_field": {"nested": [1, 2]}}
            """
        let endpoint = try JSONDecoder().decode(WebhookEndpoint.self, from: Data(json.utf8))
        #expect(endpoint.status == .other("paused"))
        #expect(endpoint.application == "ca_123")
        #expect(endpoint.apiVersion == "2026-10-28.endive")
        #expect(endpoint.description == "d")
        #expect(endpoint.secret == nil)
        #expect(endpoint.livemode)
    }

    @Test func decodesAListPage() throws {
        let page = try JSONDecoder().decode(
            WebhookEndpointList.self, from: Data(Fixtures.list(["we_1", "we_2"], hasMore: true).utf8))
        #expect(page.data.map(\.id) == ["we_1", "we_2"])
        #expect(page.hasMore)
        #expect(page.url == "/v1/webhook_endpoints")
        #expect(page.data[0].metadata == ["managed_by": "reconcile"])
    }

    @Test func decodesADeletedObject() throws {
        let deleted = try JSONDecoder().decode(DeletedObject.self, from: Data(Fixtures.deleted("we_9").utf8))
        #expect(deleted == DeletedObject(id: "we_9"))
    }

    @Test func printingAnEndpointNeverShowsItsSecret() {
        let endpoint = WebhookEndpoint(
            id: "we_1", created: 1, enabledEvents: ["*"], secret: "whsec_topsecret", url: "https://x.example")
        var dumped = ""
        dump(endpoint, to: &dumped)
        #expect(!String(describing: endpoint).contains("topsecret"))
        #expect(!dumped.contains("topsecret"))
        #expect(String(describing: endpoint).contains("we_1"))
    }
}
