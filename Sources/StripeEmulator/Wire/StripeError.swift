/// An error as Stripe reports it: an HTTP status and the `error` object of the body.
struct StripeError: Error, Sendable {
    /// Stripe's error types.
    enum Kind: String, Sendable {
        case invalidRequest = "invalid_request_error"
        case api = "api_error"
        case idempotency = "idempotency_error"
    }

    var status: Int
    var type: Kind
    var code: String? = nil
    var message: String
    var param: String?
    /// Headers to add, e.g. `Stripe-Should-Retry`.
    var headers: [String: String] = [:]

    /// The body `{"error":{...}}`; keys absent when null, in Stripe's (alphabetical) order.
    func body(requestLogURL: String?) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let code {
            members.append(("code", .string(code)))
            members.append(("doc_url", .string("https://stripe.com/docs/error-codes/" + code.replacingUnderscores())))
        }
        members.append(("message", .string(message)))
        if let param { members.append(("param", .string(param))) }
        if let requestLogURL { members.append(("request_log_url", .string(requestLogURL))) }
        members.append(("type", .string(type.rawValue)))
        return .object([("error", .object(members))])
    }
}

extension StripeError {
    static func unknownParameter(_ name: String) -> StripeError {
        StripeError(status: 400, type: .invalidRequest, code: "parameter_unknown",
                    message: "Received unknown parameter: \(name)", param: name)
    }

    static func missingParameter(_ name: String) -> StripeError {
        StripeError(status: 400, type: .invalidRequest, code: "parameter_missing",
                    message: "Missing required param: \(name).", param: name)
    }

    static func emptyParameter(_ name: String) -> StripeError {
        StripeError(status: 400, type: .invalidRequest, code: "parameter_invalid_empty",
                    message: "You passed an empty string for '\(name)'. We assume empty values are an attempt to unset a parameter; however '\(name)' cannot be unset. You should remove '\(name)' from your request or supply a non-empty value.",
                    param: name)
    }

    static func invalid(_ param: String?, _ message: String, code: String? = nil) -> StripeError {
        StripeError(status: 400, type: .invalidRequest, code: code, message: message, param: param)
    }

    static func noSuchEndpoint(_ id: String, param: String = "id") -> StripeError {
        StripeError(status: 404, type: .invalidRequest, code: "resource_missing",
                    message: "No such webhook_endpoint: '\(id)'", param: param)
    }

    static func unrecognizedURL(method: String, path: String) -> StripeError {
        StripeError(status: 404, type: .invalidRequest, code: nil,
                    message: "Unrecognized request URL (\(method): \(path)). "
                        + (path.hasSuffix("/") ? "If you are trying to list objects, remove the trailing slash. If you are trying to retrieve an object, make sure you passed a valid (non-empty) identifier in your code. " : "")
                        + "Please see https://stripe.com/docs or we can help at https://support.stripe.com/.",
                    param: nil)
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
