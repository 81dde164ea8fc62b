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
