import Testing
@testable import ReconcileCore

/// When a saved plan is stale, and what the refusal says.
@Suite struct StalenessTests {
    let plan = PlanFileTests.sample()
    var account: SavedAccount { plan.accounts[0] }

    @Test func currentWhenNothingChanged() {
        #expect(plan.configStaleness(of: account, now: plan.configs[0].sha256) == nil)
        #expect(account.staleness(account: account.account, endpoints: account.endpoints) == nil)
    }

    @Test func anEditedConfigNamesTheFile() throws {
        let reason = try #require(plan.configStaleness(of: account, now: SHA256.hex("version: 1\n# edited")))
        guard case .configChanged(let path, _, _) = reason else { Issue.record("\(reason)"); return }
        #expect(path == "shop.yaml")
        let message = Refusal.stalePlan(reason).message(spelling: .test)
        #expect(message.contains("shop.yaml changed since the plan was made"))
        #expect(message.contains("plan again («savePlan»)"))
        #expect(plan.configStaleness(of: account, now: nil) == .configMissing(path: "shop.yaml"))
    }

    @Test func changedEndpointsAreNamed() {
        var now = account.endpoints
        now["we_2"] = SHA256.hex("changed by hand")
        now["we_9"] = SHA256.hex("created by hand")
        now["we_u"] = nil
        let reason = account.staleness(account: account.account, endpoints: now)
        #expect(reason == .endpointsChanged(EndpointChanges(planned: account.endpoints, now: now)))
        let message = Refusal.stalePlan(reason!).message(spelling: .test)
        #expect(message.contains("changed: we_2; created: we_9; deleted: we_u"))
    }

    @Test func anEndpointEditedByHandChangesItsDigest() {
        var endpoint = Fixture.endpoint(for: Fixture.trigger(), id: "we_1")
        let before = endpoint.digest
        for edit in [{ (e: inout ObservedEndpoint) in e.url += "x" }, { $0.enabled.toggle() }, { $0.metadata["x"] = "1" },
                     { $0.description = "other" }, { $0.enabledEvents.append("charge.failed") }] {
            var copy = endpoint
            edit(&copy)
            #expect(copy.digest != before)
        }
        // Stripe may list events in another order: that is no change.
        endpoint.enabledEvents = ["b.b", "a.a"]
        var reordered = endpoint
        reordered.enabledEvents = ["a.a", "b.b"]
        #expect(endpoint.digest == reordered.digest)
    }

    @Test func anotherKeyIsStale() {
        #expect(account.staleness(account: "acct_other", endpoints: account.endpoints) == .otherKey(keyEnv: "STRIPE_API_KEY"))
    }
}
