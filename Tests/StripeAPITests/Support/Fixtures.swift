import Foundation
import StripeAPI

/// Response bodies written from Stripe's API reference.
enum Fixtures {
    static let createdEndpoint = """
        {
          "id": "we_1Mr5jULkdIwHu7ix1ibLTM0x",
          "object": "webhook_endpoint",
          "api_version": null,
          "application": null,
          "created": 1680122196,
          "description": null,
          "enabled_events": ["charge.succeeded", "charge.failed"],
          "livemode": false,
          "metadata": {},
          "secret": "whsec_wRNftLajMZNeslQOP6vEPm4iVx5NlZ6z",
          "status": "enabled",
          "url": "https://example.com/my/webhook/endpoint"
        }
        """

    static func endpoint(_ id: String, url: String = "https://example.com/hook", created: Int = 1_700_000_000) -> String {
        """
        {"id": "\(id)", "object": "webhook_endpoint", "api_version": "2024-06-20", "application": null,
         "created": \(created), "description": "Managed", "enabled_events": ["customer.updated"],
         "livemode": false, "metadata": {"managed_by": "reconcile"}, "status": "enabled", "url": "\(url)"}
        """
    }

    static func list(_ ids: [String], hasMore: Bool) -> String {
        """
        {"object": "list", "url": "/v1/webhook_endpoints", "has_more": \(hasMore),
         "data": [\(ids.map { endpoint($0) }.joined(separator: ","))]}
        """
    }

    static func deleted(_ id: String) -> String {
        #"{"id": "\#(id)", "object": "webhook_endpoint", "deleted": true}"#
    }

    /// A client over `transport` with a manual clock, no jitter and no rate limit.
    static func client(
        _ transport: ScriptedTransport, clock: ManualClock = ManualClock(), retry: RetryPolicy = .default,
        keySource: String? = "STRIPE_API_KEY", apiKey: String = "sk_test_51ABCdefGHIjklMNOpqrSTUvwxYZ"
    ) -> StripeClient {
        StripeClient(
            apiKey: apiKey, apiBase: URL(string: "https://api.stripe.test")!, transport: transport,
            keySource: keySource, retry: retry, requestsPerSecond: 0, clock: clock, random: { 1 })
    }
}
