import Logging
import StripeAPI

/// One log line per attempt of a request: at debug level (`--verbose`) when all is well,
/// at warning level when it is retried or when a 429 halved the account's rate. Names the
/// method, path, status, attempt, duration and Stripe's `Request-Id`; never a header's
/// value, a key or a body.
enum RequestLog {
    static func record(_ event: StripeRequestEvent, account: String, logger: Logger) {
        var fields: Logger.Metadata = [
            "account": .string(account),
            "method": .string(event.method),
            "path": .string(event.path),
            "attempt": .stringConvertible(event.attempt),
            "duration_ms": .stringConvertible(milliseconds(event.duration)),
        ]
        if let status = event.status { fields["status"] = .stringConvertible(status) }
        if let error = event.transportError { fields["error"] = .string(error.description) }
        if let requestId = event.requestId { fields["request_id"] = .string(requestId) }
        if let rate = event.slowedToRate {
            logger.warning("Stripe answered 429 despite the rate limit: this account's rate is halved to \(format(rate)) requests/s for the rest of the run", metadata: fields)
        }
        if let wait = event.retryAfter {
            fields["retry_in_ms"] = .stringConvertible(milliseconds(wait))
            logger.warning("request failed; retrying", metadata: fields)
        } else {
            logger.debug("request", metadata: fields)
        }
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }

    private static func format(_ rate: Double) -> String {
        rate == rate.rounded() ? "\(Int(rate))" : "\((rate * 100).rounded() / 100)"
    }
}
