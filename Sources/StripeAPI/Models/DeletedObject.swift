/// The body of a successful delete: `{"id": "we_...", "object": "webhook_endpoint", "deleted": true}`.
public struct DeletedObject: Decodable, Sendable, Equatable {
    /// The id of the deleted object.
    public var id: String
    /// The type of the deleted object, `webhook_endpoint`.
    public var object: String
    /// Always `true` on success.
    public var deleted: Bool

    /// Creates a value.
    public init(id: String, object: String = "webhook_endpoint", deleted: Bool = true) {
        self.id = id
        self.object = object
        self.deleted = deleted
    }
}
