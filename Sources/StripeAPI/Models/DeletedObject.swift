/// The body of a successful delete: `{"id": "we_...", "object": "webhook_endpoint", "deleted": true}`.
public struct DeletedObject: JSONDecodable, Sendable, Equatable {
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

    /// Reads Stripe's deleted object.
    public init(json: JSON) throws {
        id = try json.string("id")
        object = try json.optionalString("object") ?? "webhook_endpoint"
        deleted = try json.optionalBool("deleted") ?? false
    }
}
