import ArgumentParser
import StripeAPI

/// `--max-retries`, `--retry-max-time`, `--retry-base-delay`, `--request-timeout`: the
/// client's ``RetryPolicy``, for every request of the run.
struct RetryOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Retries of a failed request after the first attempt (0: none).", valueName: "N"))
    var maxRetries = RetryPolicy.default.maxRetries

    @Option(help: ArgumentHelp("No retry starts past this many seconds after a request's first attempt.", valueName: "SECONDS"))
    var retryMaxTime = Self.seconds(RetryPolicy.default.maxTotalTime)

    @Option(help: ArgumentHelp("Wait before the first retry, doubling each time up to 5 s, with jitter.", valueName: "SECONDS"))
    var retryBaseDelay = Self.seconds(RetryPolicy.default.baseDelay)

    @Option(help: ArgumentHelp("How long one attempt may take.", valueName: "SECONDS"))
    var requestTimeout = Self.seconds(RetryPolicy.default.requestTimeout)

    /// The longest any of the durations may be: a day. Longer ones are mistakes, and
    /// bounding them keeps every sum and product of durations far from overflowing.
    static let maxSeconds = 86_400.0
    func validate() throws {
        if maxRetries < 0 { throw ValidationError("--max-retries must be 0 or more, got \(maxRetries).") }
        for (flag, value) in [("--retry-max-time", retryMaxTime), ("--retry-base-delay", retryBaseDelay), ("--request-timeout", requestTimeout)]
        where !(value >= 0 && value <= Self.maxSeconds) || (flag == "--request-timeout" && value == 0) {
            let least = flag == "--request-timeout" ? "above 0" : "0 or more"
            throw ValidationError("\(flag) must be \(least) and at most \(Int(Self.maxSeconds)) seconds (a day), got \(value).")
        }
    }

    /// The policy these flags describe; the longest backoff stays 5 s unless the base exceeds it.
    var policy: RetryPolicy {
        let base = Duration.milliseconds(Int64(retryBaseDelay * 1000))
        return RetryPolicy(
            maxRetries: maxRetries, baseDelay: base, maxDelay: max(RetryPolicy.default.maxDelay, base),
            maxTotalTime: .milliseconds(Int64(retryMaxTime * 1000)), requestTimeout: .milliseconds(Int64(requestTimeout * 1000)))
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
