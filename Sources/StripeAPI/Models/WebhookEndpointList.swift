/// One page of `GET /v1/webhook_endpoints` (`object: "list"`), newest first.
public struct WebhookEndpointList: JSONDecodable, Sendable, Equatable {
    /// The endpoints on this page.
    public var data: [WebhookEndpoint]
    /// Whether more pages follow; fetch them with `starting_after` = the last id.
    public var hasMore: Bool
    /// The list's path, `/v1/webhook_endpoints`.
    public var url: String

    /// Creates a page.
    public init(data: [WebhookEndpoint], hasMore: Bool, url: String = "/v1/webhook_endpoints") {
        self.data = data
        self.hasMore = hasMore
        self.url = url
    }

    /// Reads Stripe's list object.
    public init(json: JSON) throws {
        guard case .array(let items)? = json["data"] else { throw JSONError("`data` is missing or not an array") }
        data = try items.map(WebhookEndpoint.init(json:))
        hasMore = try json.optionalBool("has_more") ?? false
        url = try json.optionalString("url") ?? "/v1/webhook_endpoints"
    }
}
