import Foundation
import StripeAPI
import Testing

@Suite struct RetryPolicyTests {
    private let policy = RetryPolicy(jitter: .none)

    private func response(_ status: Int, _ headers: [String: String] = [:]) -> AttemptOutcome {
        .response(status: status, headers: headers)
    }

    @Test(arguments: [
        // status, Stripe-Should-Retry, method, has key, retried?
        (409, nil, "GET", false, true),
        (429, nil, "GET", false, true),
        (500, nil, "GET", false, true),
        (502, nil, "DELETE", false, true),
        (503, nil, "POST", true, true),
        (429, nil, "POST", true, true),
        (400, nil, "GET", false, false),
        (401, nil, "GET", false, false),
        (403, nil, "DELETE", false, false),
        (404, nil, "DELETE", false, false),
        (422, nil, "POST", true, false),
        (500, nil, "POST", false, false),
        (500, "false", "GET", false, false),
        (429, "false", "POST", true, false),
        (400, "true", "GET", false, true),
        (400, "TRUE", "POST", true, true),
        (400, "true", "POST", false, false),
        (200, nil, "GET", false, false),
        // A 5xx saved for the key: retried, under the next key.
        (500, "false", "POST", true, true),
        (502, "false", "POST", false, false),
    ] as [(Int, String?, String, Bool, Bool)])
    func statusTable(status: Int, shouldRetry: String?, method: String, hasKey: Bool, retried: Bool) {
        var headers: [String: String] = [:]
        headers["stripe-should-retry"] = shouldRetry
        #expect(policy.isRetryable(response(status, headers), method: method, hasIdempotencyKey: hasKey) == retried)
    }

    @Test(arguments: [
        (TransportError.connectionFailed(), "GET", false, true),
        (.connectionDropped(), "DELETE", false, true),
        (.timedOut(), "POST", true, true),
        (.timedOut(), "POST", false, false),
        (.connectionDropped(), "POST", false, false),
        (.cancelled(), "GET", false, false),
        (.invalidRequest(), "GET", false, false),
    ])
    func transportTable(error: TransportError, method: String, hasKey: Bool, retried: Bool) {
        #expect(policy.isRetryable(.transportError(error), method: method, hasIdempotencyKey: hasKey) == retried)
    }

    @Test func backoffDoublesFromHalfASecondToFive() {
        let delays = (1...6).map { policy.calculateBackoff(failedAttempt: $0, random: 0.3) }
        #expect(delays == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(5), .seconds(5)])
    }

    @Test(arguments: [(0.0, 250), (0.5, 375), (0.998, 499)])
    func equalJitterKeepsHalfTheDelay(random: Double, milliseconds: Int) {
        let delay = RetryPolicy(jitter: .equal).calculateBackoff(failedAttempt: 1, random: random)
        #expect((.milliseconds(milliseconds) - .milliseconds(1) ... .milliseconds(milliseconds) + .milliseconds(1)).contains(delay))
    }

    @Test func fullJitterSpansZeroToTheDelay() {
        let policy = RetryPolicy(jitter: .full)
        #expect(policy.calculateBackoff(failedAttempt: 3, random: 0) == .zero)
        #expect(policy.calculateBackoff(failedAttempt: 3, random: 0.5) == .seconds(1))
    }

    @Test func attemptsAreBounded() {
        let outcome = response(503)
        let decisions = (1...5).map {
            policy.decide(outcome, method: "GET", hasIdempotencyKey: false, failedAttempt: $0, elapsed: .zero, random: 0)
        }
        #expect(decisions == [
            .retry(after: .milliseconds(500)), .retry(after: .seconds(1)), .retry(after: .seconds(2)),
            .retry(after: .seconds(4)), .stop,
        ])
    }

    @Test func totalTimeIsBounded() {
        let policy = RetryPolicy(jitter: .none, maxTotalTime: .seconds(10))
        let outcome = response(500)
        #expect(policy.decide(outcome, method: "GET", hasIdempotencyKey: false, failedAttempt: 1,
                              elapsed: .milliseconds(9400), random: 0) == .retry(after: .milliseconds(500)))
        #expect(policy.decide(outcome, method: "GET", hasIdempotencyKey: false, failedAttempt: 1,
                              elapsed: .milliseconds(9500), random: 0) == .stop)
    }

    @Test func retryAfterLengthensButNeverShortensTheWait() {
        let long = response(429, ["retry-after": "3"])
        let short = response(429, ["retry-after": "0"])
        let tooLong = response(429, ["retry-after": "120"])
        #expect(policy.decide(long, method: "GET", hasIdempotencyKey: false, failedAttempt: 1, elapsed: .zero, random: 0)
            == .retry(after: .seconds(3)))
        #expect(policy.decide(short, method: "GET", hasIdempotencyKey: false, failedAttempt: 2, elapsed: .zero, random: 0)
            == .retry(after: .seconds(1)))
        #expect(policy.decide(tooLong, method: "GET", hasIdempotencyKey: false, failedAttempt: 1, elapsed: .zero, random: 0)
            == .stop)
    }

    @Test func neverMeansOneAttempt() {
        #expect(RetryPolicy.never.decide(response(503), method: "GET", hasIdempotencyKey: false, failedAttempt: 1,
                                         elapsed: .zero, random: 0) == .stop)
    }

    @Test(arguments: [
        (500, ["stripe-should-retry": "false"], "POST", true, true),
        (500, ["idempotent-replayed": "true"], "POST", true, true),
        (500, [:], "POST", true, false),
        (503, ["stripe-should-retry": "true"], "POST", true, false),
        (429, ["idempotent-replayed": "true"], "POST", true, false),
        (500, ["stripe-should-retry": "false"], "GET", false, false),
        (500, ["stripe-should-retry": "false"], "POST", false, false),
    ] as [(Int, [String: String], String, Bool, Bool)])
    func newKeyOnlyForA5xxSavedForTheKey(status: Int, headers: [String: String], method: String, hasKey: Bool, expected: Bool) {
        #expect(policy.needsNewIdempotencyKey(response(status, headers), method: method, hasIdempotencyKey: hasKey) == expected)
    }

    @Test func rotatedKeysFollowAFixedSequenceWithinStripesLength() {
        #expect(StripeClient.rotatedIdempotencyKey("k", generation: 1) == "k")
        #expect(StripeClient.rotatedIdempotencyKey("k", generation: 2) == "k~2")
        let long = String(repeating: "a", count: 255)
        #expect(StripeClient.rotatedIdempotencyKey(long, generation: 12) == String(repeating: "a", count: 252) + "~12")
    }
}
