import Testing
import Reconciler

@Suite struct HealthRuleTests {
    let rule = HealthRule(interval: .seconds(10))
    let start = ContinuousClock.now

    @Test func unhealthyUntilATickSucceeds() {
        #expect(!rule.isHealthy(lastSuccess: nil, now: start))
        #expect(rule.isHealthy(lastSuccess: start, now: start))
    }

    @Test func healthyForThreeIntervalsAfterASuccess() {
        #expect(rule.isHealthy(lastSuccess: start, now: start + .seconds(29)))
        #expect(rule.isHealthy(lastSuccess: start, now: start + .seconds(30)))
        #expect(!rule.isHealthy(lastSuccess: start, now: start + .seconds(31)))
    }
}
