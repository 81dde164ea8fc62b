/// Stripe's errors about the request as a whole: keys, headers, permissions, limits, faults.
extension StripeError {
    static let noKey = StripeError(
        status: 401, type: .invalidRequest, code: nil,
        message: "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
        param: nil, headers: ["WWW-Authenticate": "Basic realm=\"Stripe\""])

    static func invalidKey(_ redacted: String) -> StripeError {
        StripeError(status: 401, type: .invalidRequest, code: nil,
                    message: "Invalid API Key provided: \(redacted)", param: nil,
                    headers: ["WWW-Authenticate": "Basic realm=\"Stripe\""])
    }

    static let publishableKey = StripeError(
        status: 401, type: .invalidRequest, code: nil,
        message: "This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.",
        param: nil, headers: ["WWW-Authenticate": "Basic realm=\"Stripe\""])

    static func invalidVersion(_ version: String) -> StripeError {
        .invalid(nil, "Invalid Stripe API version: \(version)")
    }

    // Webhook endpoints belong to the account whose key calls; Stripe refuses to manage
    // them on a connected account.
    static let connectedAccountRefused = StripeError.invalid(
        nil,
        "Webhook endpoints cannot be managed on a connected account with the Stripe-Account header. Use that account's own key, or a connect=true endpoint on the platform account.")

    static func permission(_ key: APIKey, write: Bool) -> StripeError {
        StripeError(status: 403, type: .invalidRequest, code: nil,
                    message: "The provided key '\(key.redacted)' does not have the required permissions for this endpoint on account '\(key.fingerprint)'. Having the 'rak_webhook_endpoint_\(write ? "write" : "read")' permission would allow this request to continue.",
                    param: nil)
    }

    static let rateLimited = StripeError(
        status: 429, type: .invalidRequest, code: "rate_limit",
        message: "Request rate limit exceeded. You can learn more about rate limits here https://stripe.com/docs/rate-limits.",
        param: nil, headers: ["Stripe-Should-Retry": "true"])

    static let serverError = StripeError(
        status: 500, type: .api, code: nil,
        message: "An unknown error occurred. (Injected by the emulator: nothing was applied.)",
        param: nil, headers: ["Stripe-Should-Retry": "false"])

    static let unavailable = StripeError(
        status: 503, type: .api, code: nil,
        message: "Stripe is temporarily unavailable. Please retry. (Injected by the emulator: nothing was applied.)",
        param: nil, headers: ["Stripe-Should-Retry": "true"])

    static func idempotencyKeyTooLong(_ length: Int) -> StripeError {
        .invalid(nil, "Idempotency-Key must be at most 255 characters long; this one has \(length).")
    }

    static func idempotencyKeyInUse(_ key: String) -> StripeError {
        StripeError(status: 409, type: .invalidRequest, code: "idempotency_key_in_use",
                    message: "There is currently another in-progress request using this Idempotency-Key ('\(key)'). Please try again later.",
                    param: nil)
    }

    static func idempotencyParameters(_ key: String) -> StripeError {
        StripeError(status: 400, type: .idempotency, code: nil,
                    message: "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '\(key)' if you meant to execute a different request.",
                    param: nil)
    }

    static func idempotencyEndpoint(_ key: String, first: String, now: String) -> StripeError {
        StripeError(status: 400, type: .idempotency, code: nil,
                    message: "Keys for idempotent requests can only be used for the same endpoint they were first used for ('\(first)' vs '\(now)'). Try using a key other than '\(key)' if you meant to execute a different request.",
                    param: nil)
    }
}
