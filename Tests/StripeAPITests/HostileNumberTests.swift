import Foundation
import StripeAPI
import Testing

/// Numbers from a user or a server that used to trap (an integer overflow ends the
/// process with no message): each is now refused or bounded where it enters.
@Suite struct HostileNumberTests {
    @Test(arguments: ["1e16", "1e300", "9223372036854775807"])
    func aHugeRetryAfterStopsRetryingInsteadOfTrapping(seconds: String) {
        let outcome = AttemptOutcome.response(status: 429, headers: ["retry-after": seconds])
        let decision = RetryPolicy(jitter: .none).decide(
            outcome, method: "GET", hasIdempotencyKey: false, failedAttempt: 1, elapsed: .zero, random: 0)
        #expect(decision == .stop)
    }

    @Test func aHugeRetryAfterWithinABigBudgetWaitsADayAtMost() {
        let policy = RetryPolicy(jitter: .none, maxTotalTime: .seconds(10 * 86_400))
        let decision = policy.decide(.response(status: 429, headers: ["retry-after": "1e16"]), method: "GET",
                                     hasIdempotencyKey: false, failedAttempt: 1, elapsed: .zero, random: 0)
        #expect(decision == .retry(after: .seconds(86_400)))
    }

    @Test(arguments: [1e-300, 1e-12, Double.leastNonzeroMagnitude])
    func aTinyRateLimitDoesNotOverflowItsInterval(rate: Double) async throws {
        let clock = ManualClock()
        let limiter = RateLimiter(ratePerSecond: rate, clock: clock)
        try await limiter.acquire()
        try await limiter.acquire()
        #expect(clock.sleeps == [.seconds(86_400)])
    }

    @Test(arguments: ["http://127.0.0.1:65536", "http://127.0.0.1:0", "https://api.stripe.com:99999"])
    func aPortOutOfRangeIsRefused(base: String) throws {
        let error = try #require(throws: APIBaseError.self) { try APIBase.parse(base) }
        #expect(error.description.contains("between 1 and 65535"))
    }
}
