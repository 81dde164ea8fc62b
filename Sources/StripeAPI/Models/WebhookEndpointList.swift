/// One page of `GET /v1/webhook_endpoints` (`object: "list"`), newest first.
public struct WebhookEndpointList: Decodable, Sendable, Equatable {
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

    private enum CodingKeys: String, CodingKey {
        case data, url
        case hasMore = "has_more"
    }
}
