import Foundation
import StripeAPI
import Testing

@Suite struct WebhookEndpointDecodingTests {
    @Test func decodesACreateResponseWithItsSecret() throws {
        let endpoint = try WebhookEndpoint(jsonData: Data(Fixtures.createdEndpoint.utf8))
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
        let endpoint = try WebhookEndpoint(jsonData: Data(json.utf8))
        #expect(endpoint.status == .other("paused"))
        #expect(endpoint.application == "ca_123")
        #expect(endpoint.apiVersion == "2026-10-28.endive")
        #expect(endpoint.description == "d")
        #expect(endpoint.secret == nil)
        #expect(endpoint.livemode)
    }

    @Test func decodesAListPage() throws {
        let page = try WebhookEndpointList(jsonData: Data(Fixtures.list(["we_1", "we_2"], hasMore: true).utf8))
        #expect(page.data.map(\.id) == ["we_1", "we_2"])
        #expect(page.hasMore)
        #expect(page.url == "/v1/webhook_endpoints")
        #expect(page.data[0].metadata == ["managed_by": "reconcile"])
    }

    @Test func decodesADeletedObject() throws {
        let deleted = try DeletedObject(jsonData: Data(Fixtures.deleted("we_9").utf8))
        #expect(deleted == DeletedObject(id: "we_9"))
    }

    @Test func aMissingOrMistypedFieldIsNamed() {
        let noURL = #"{"id": "we_1", "created": 1, "enabled_events": ["*"], "status": "enabled"}"#
        #expect(throws: JSONError("`url` is missing")) { try WebhookEndpoint(jsonData: Data(noURL.utf8)) }
        let badEvents = #"{"id": "we_1", "created": 1, "enabled_events": "*", "status": "enabled", "url": "u"}"#
        #expect(throws: JSONError("`enabled_events` is missing or not an array")) { try WebhookEndpoint(jsonData: Data(badEvents.utf8)) }
        let badMetadata = #"{"id": "we_1", "created": 1, "enabled_events": [], "status": "enabled", "url": "u", "metadata": {"a": 1}}"#
        #expect(throws: JSONError("`metadata.a` is not a string")) { try WebhookEndpoint(jsonData: Data(badMetadata.utf8)) }
        #expect(throws: JSONError("a webhook endpoint is not a JSON object")) { try WebhookEndpoint(jsonData: Data("[]".utf8)) }
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
