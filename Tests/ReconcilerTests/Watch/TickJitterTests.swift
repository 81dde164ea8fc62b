import Testing
import Reconciler

@Suite struct TickJitterTests {
    let jitter = TickJitter(interval: .seconds(60))

    @Test func staysWithinTenPercentEitherWay() {
        #expect(jitter.delay(random: 0) == .seconds(54))
        #expect(jitter.delay(random: 0.5) == .seconds(60))
        #expect(jitter.delay(random: 1) == .seconds(66))
        for step in 0...100 {
            let delay = jitter.delay(random: Double(step) / 100)
            #expect(delay >= .seconds(54) && delay <= .seconds(66))
        }
    }

    /// Replicas drawing different random values wait different times, so they drift apart.
    @Test func differentDrawsGiveDifferentWaits() {
        #expect(jitter.delay(random: 0.2) != jitter.delay(random: 0.7))
        #expect(jitter.delay(random: 0.2) < jitter.delay(random: 0.7))
    }

    @Test func outOfRangeDrawsAreClamped() {
        #expect(jitter.delay(random: -3) == .seconds(54))
        #expect(jitter.delay(random: 7) == .seconds(66))
    }

    @Test func noJitterKeepsTheInterval() {
        #expect(TickJitter(interval: .milliseconds(300), fraction: 0).delay(random: 0.9) == .milliseconds(300))
    }
}
