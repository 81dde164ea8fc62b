import Foundation

/// Stripe's error envelope, `{"error": {"type": ..., "code": ..., "message": ...}}`.
struct StripeErrorBody {
    struct Detail {
        var type: String?
        var code: String?
        var message: String?
        var param: String?
        var declineCode: String?
    }

    /// The error of `body`, or `nil` when it is not Stripe's JSON error envelope.
    static func parse(_ body: Data) -> Detail? {
        guard let error = (try? JSON.parse(body))?["error"], case .object = error else { return nil }
        return try? Detail(
            type: error.optionalString("type"), code: error.optionalString("code"), message: error.optionalString("message"),
            param: error.optionalString("param"), declineCode: error.optionalString("decline_code"))
    }
}
