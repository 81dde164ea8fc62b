import ReconcileCore

/// What the engine needs from Stripe for one account's webhook endpoints. The
/// `StripeClient` adapter implements it over HTTP; tests may plug in anything that
/// speaks Stripe, such as the emulator behind the same client.
public protocol EndpointAPI: Sendable {
    /// Every endpoint of the account, all pages.
    func listAll() async throws -> [ObservedEndpoint]
    /// Creates the endpoint (never disabled: Stripe takes no `disabled` on create).
    func create(_ endpoint: DesiredEndpoint, idempotencyKey: String) async throws -> CreatedEndpoint
    /// Applies field changes to an existing endpoint.
    func update(endpointID: String, _ update: EndpointUpdate, idempotencyKey: String) async throws
    /// Deletes the endpoint; one already gone counts as deleted.
    func delete(endpointID: String) async throws
    /// Whether the endpoint exists now.
    func exists(endpointID: String) async throws -> Bool
}

/// What a create returns that nothing else ever will: the signing secret.
public struct CreatedEndpoint: Sendable, Equatable {
    public var id: String
    public var secret: String?
    public var url: String
    public var created: Int
    /// Whether Stripe answered from an earlier request with the same idempotency key.
    public var replayed: Bool

    public init(id: String, secret: String?, url: String, created: Int, replayed: Bool = false) {
        self.id = id
        self.secret = secret
        self.url = url
        self.created = created
        self.replayed = replayed
    }
}
