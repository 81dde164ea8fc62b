import Foundation
import StripeAPI
import Testing

@Suite struct RateLimiterTests {
    @Test func spacesRequestsAtTheRate() async throws {
        let clock = ManualClock()
        let limiter = RateLimiter(ratePerSecond: 25, clock: clock)
        for _ in 0..<5 { try await limiter.acquire() }
        // The first goes at once; each next one waits for its 40 ms slot.
        #expect(clock.sleeps == Array(repeating: .milliseconds(40), count: 4))
        #expect(clock.now() == .milliseconds(160))
    }

    @Test func allowsABurstAfterAQuietSpell() async throws {
        let clock = ManualClock()
        let limiter = RateLimiter(ratePerSecond: 10, burst: 3, clock: clock)
        for _ in 0..<3 { try await limiter.acquire() }
        #expect(clock.sleeps.isEmpty)
        try await limiter.acquire()
        #expect(clock.sleeps == [.milliseconds(100)])
        clock.advance(by: .seconds(10))
        for _ in 0..<3 { try await limiter.acquire() }
        #expect(clock.sleeps.count == 1)
    }

    @Test func neverMoreThanTheRateInAnySecond() async throws {
        let clock = ManualClock()
        let limiter = RateLimiter(ratePerSecond: 25, clock: clock)
        var times: [Duration] = []
        for _ in 0..<100 {
            try await limiter.acquire()
            times.append(clock.now())
        }
        for (index, start) in times.enumerated() {
            let inWindow = times[index...].prefix { $0 < start + .seconds(1) }.count
            #expect(inWindow <= 25)
        }
    }

    @Test(arguments: [("sk_test_1", 25.0), ("rk_test_1", 25), ("sk_live_1", 100), ("rk_live_1", 100)])
    func defaultRateFollowsTheKeyMode(key: String, rate: Double) {
        #expect(RateLimiter.stripeLimit(forKey: key) == rate)
        // A margin under Stripe's limit, so arrival jitter never earns a 429.
        #expect(RateLimiter.defaultRate(forKey: key) == rate * 0.9)
    }

    @Test func theClientWaitsForTheLimiter() async throws {
        let clock = ManualClock()
        let transport = ScriptedTransport(Array(repeating: .json(200, Fixtures.endpoint("we_1")), count: 3))
        let client = StripeClient(
            apiKey: "sk_test_x", transport: transport, requestsPerSecond: 10, clock: clock)
        for _ in 0..<3 { _ = try await client.retrieveWebhookEndpoint(id: "we_1") }
        #expect(clock.sleeps == [.milliseconds(100), .milliseconds(100)])
    }
}

@Suite struct TokenBucketTests {
    /// A fresh account's 17 requests (a list and 16 creates) leave at once: the bucket
    /// starts full with one second's worth at 90 % of Stripe's 25/s.
    @Test func aFullBucketSendsAFreshAccountAtOnce() async throws {
        let clock = ManualClock()
        let rate = RateLimiter.defaultRate(forKey: "sk_test_x")
        let limiter = RateLimiter(ratePerSecond: rate, burst: RateLimiter.defaultBurst(forRate: rate), clock: clock)
        for _ in 0..<17 { try await limiter.acquire() }
        #expect(clock.sleeps.isEmpty)
        #expect(await limiter.capacity == 22)
    }

    /// Past the bucket, requests wait for the refill, and no one-second window ever holds
    /// more than the bucket plus a second's refill, within Stripe's 25 + 25.
    @Test func pastTheBucketRequestsWaitForTheRefill() async throws {
        let clock = ManualClock()
        let limiter = RateLimiter(ratePerSecond: 22.5, burst: 22, clock: clock)
        var times: [Duration] = []
        for _ in 0..<60 {
            try await limiter.acquire()
            times.append(clock.now())
        }
        #expect(times.prefix(22).allSatisfy { $0 == .zero })
        #expect(times[22] > .zero)
        for (index, start) in times.enumerated() {
            #expect(times[index...].prefix { $0 < start + .seconds(1) }.count <= 22 + 23)
        }
    }

    @Test(arguments: [(22.5, 22), (90, 90), (0.5, 1), (1, 1)])
    func theBucketHoldsOneSecondFloorOne(rate: Double, burst: Int) {
        #expect(RateLimiter.defaultBurst(forRate: rate) == burst)
    }

    @Test func aRateLimitHalvesTheRateAndTheBucketOncePerSecond() async throws {
        let clock = ManualClock()
        let limiter = RateLimiter(ratePerSecond: 20, burst: 20, clock: clock)
        #expect(await limiter.slowDown() == 10)
        #expect(await limiter.capacity == 10)
        // A second 429 from a request already in flight is the same event.
        #expect(await limiter.slowDown() == nil)
        clock.advance(by: .seconds(2))
        #expect(await limiter.slowDown() == 5)
        #expect(await limiter.capacity == 5)
    }

    @Test func theClientHalvesItsLimiterOnA429AndReportsIt() async throws {
        let clock = ManualClock()
        let limiter = RateLimiter(ratePerSecond: 20, burst: 20, clock: clock)
        let transport = ScriptedTransport([.stripeError(429, type: "rate_limit_error"), .json(200, Fixtures.endpoint("we_1"))])
        let events = EventBox()
        let client = StripeClient(apiKey: "sk_test_x", transport: transport, rateLimiter: limiter, clock: clock, random: { 0 }, onRequest: { events.append($0) })
        _ = try await client.retrieveWebhookEndpoint(id: "we_1")
        #expect(await limiter.ratePerSecond == 10)
        #expect(events.all.map(\.slowedToRate) == [10, nil])
        #expect(events.all.map(\.requestId) == ["req_test123", "req_test123"])
    }
}

final class EventBox: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [StripeRequestEvent] = []
    func append(_ event: StripeRequestEvent) { lock.withLock { events.append(event) } }
    var all: [StripeRequestEvent] { lock.withLock { events } }
}
