import Foundation

/// What happened to one attempt, as far as retrying is concerned.
public enum AttemptOutcome: Sendable {
    /// A response arrived with this status and these (lowercased) headers.
    case response(status: Int, headers: [String: String])
    /// No complete response arrived.
    case transportError(TransportError)
}

/// Whether to try a failed request again, and when.
public enum RetryDecision: Sendable, Equatable {
    /// Wait this long, then try again.
    case retry(after: Duration)
    /// Give up and report the failure.
    case stop
}

extension RetryPolicy {
    /// Whether `outcome` is worth another attempt, ignoring the bounds.
    ///
    /// - Parameters:
    ///   - method: the HTTP method.
    ///   - hasIdempotencyKey: whether a POST carries an `Idempotency-Key`; a POST without
    ///     one is never retried, since its first attempt may have been applied.
    public func isRetryable(_ outcome: AttemptOutcome, method: String, hasIdempotencyKey: Bool) -> Bool {
        if method.uppercased() == "POST" && !hasIdempotencyKey { return false }
        switch outcome {
        case .transportError(let error):
            return error.isRetryable
        case .response(let status, let headers):
            if (200..<300).contains(status) { return false }
            if needsNewIdempotencyKey(outcome, method: method, hasIdempotencyKey: hasIdempotencyKey) { return true }
            // Stripe's own verdict overrides the status, as in Stripe's SDKs.
            switch headers["stripe-should-retry"]?.lowercased() {
            case "true": return true
            case "false": return false
            default: return status == 409 || status == 429 || (500...599).contains(status)
            }
        }
    }

    /// Whether a POST failed in a way its idempotency key will only ever repeat: a 5xx that
    /// Stripe saved for the key (`Idempotent-Replayed: true`, or `Stripe-Should-Retry:
    /// false`, which Stripe sends when a retry with the key would get the same answer).
    ///
    /// Stripe keeps the key's result for 24 hours, so a retry, or the next run deriving
    /// the same key, would get the same 500 for a day. Such a POST is retried under the
    /// next key of a fixed sequence (``StripeClient/rotatedIdempotencyKey(_:generation:)``):
    /// nothing was applied (or a duplicate is left for the next run to remove), and a
    /// later run that meets the same 500 moves to the same next key, so runs still agree.
    public func needsNewIdempotencyKey(_ outcome: AttemptOutcome, method: String, hasIdempotencyKey: Bool) -> Bool {
        guard method.uppercased() == "POST", hasIdempotencyKey,
              case .response(let status, let headers) = outcome, (500...599).contains(status)
        else { return false }
        return headers["idempotent-replayed"]?.lowercased() == "true"
            || headers["stripe-should-retry"]?.lowercased() == "false"
    }

    /// The decision after the `failedAttempt`-th attempt (1-based) failed with `outcome`,
    /// `elapsed` after the first attempt started.
    ///
    /// - Parameter random: a number in `[0, 1)` for the jitter.
    public func decide(
        _ outcome: AttemptOutcome, method: String, hasIdempotencyKey: Bool,
        failedAttempt: Int, elapsed: Duration, random: Double
    ) -> RetryDecision {
        guard failedAttempt <= maxRetries,
              isRetryable(outcome, method: method, hasIdempotencyKey: hasIdempotencyKey)
        else { return .stop }
        var delay = calculateBackoff(failedAttempt: failedAttempt, random: random)
        if case .response(_, let headers) = outcome, let retryAfter = Self.retryAfter(headers) {
            delay = max(delay, retryAfter)
        }
        guard elapsed + delay < maxTotalTime else { return .stop }
        return .retry(after: delay)
    }

    /// `Retry-After` as a duration, when given in seconds (HTTP dates are ignored), at
    /// most ``longestRetryAfter``: a server's number must not overflow a duration.
    static func retryAfter(_ headers: [String: String]) -> Duration? {
        guard let raw = headers["retry-after"]?.trimmingCharacters(in: .whitespaces),
              let seconds = Double(raw), seconds >= 0, seconds.isFinite
        else { return nil }
        return .milliseconds(Int64(min(seconds, longestRetryAfter) * 1000))
    }

    /// The longest wait a `Retry-After` can ask for: a day, past any retry budget, so a
    /// larger one stops retrying as a day would.
    static let longestRetryAfter = 86_400.0
}
