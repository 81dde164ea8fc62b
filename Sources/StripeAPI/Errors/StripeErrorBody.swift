import Foundation

/// Stripe's error envelope, `{"error": {"type": ..., "code": ..., "message": ...}}`.
struct StripeErrorBody: Decodable {
    struct Detail: Decodable {
        var type: String?
        var code: String?
        var message: String?
        var param: String?
        var declineCode: String?

        private enum CodingKeys: String, CodingKey {
            case type, code, message, param
            case declineCode = "decline_code"
        }
    }

    var error: Detail

    /// The error of `body`, or `nil` when it is not Stripe's JSON error envelope.
    static func parse(_ body: Data) -> Detail? {
        try? JSONDecoder().decode(StripeErrorBody.self, from: body).error
    }
}
