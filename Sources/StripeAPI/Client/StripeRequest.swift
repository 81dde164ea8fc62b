/// One API call as the client describes it before sending, with what its messages need.
struct StripeRequest: Sendable {
    var method: String
    var path: String
    var query = FormEncoder()
    var form: FormEncoder?
    var idempotencyKey: String?
    /// What the call does, for error messages: `create webhook endpoint`.
    var operation: String

    var isWrite: Bool { method != "GET" }
}
