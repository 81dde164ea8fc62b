import Testing
@testable import ReconcileCore

@Suite struct PlannerTests {
    let t1 = Fixture.trigger("sync", "customer.updated")
    let t2 = Fixture.trigger("dunning", "invoice.payment_failed")

    @Test func createsWhatIsMissing() {
        let plan = Planner.plan(config: Fixture.config([t1, t2]), observed: [])
        #expect(plan.outline == ["create dunning/invoice.payment_failed new", "create sync/customer.updated new"])
        guard case .create(let desired) = plan.actions[1].action else { Issue.record("not a create"); return }
        #expect(desired.enabledEvents == ["customer.updated"])
        #expect(desired.metadata == ["managed_by": "reconcile", "reconcile_owner": "shop", "reconcile_trigger": "sync/customer.updated"])
        #expect(desired.description == "Managed by reconcile: sync/customer.updated")
        #expect(plan.refusals.isEmpty)
    }

    @Test func matchingEndpointIsUnchanged() {
        let plan = Planner.plan(config: Fixture.config([t1]), observed: [Fixture.endpoint(for: t1, id: "we_1")])
        #expect(plan.outline == ["unchanged sync/customer.updated we_1"])
        #expect(!plan.hasChanges)
    }

    @Test func driftIsUpdatedInPlaceFieldByField() {
        var drifted = Fixture.endpoint(for: t1, id: "we_1")
        drifted.url = "https://old.example.com/x"
        drifted.enabledEvents = ["customer.updated", "customer.created"]
        drifted.description = nil
        drifted.enabled = false
        drifted.metadata["extra"] = "x"
        let plan = Planner.plan(config: Fixture.config([t1]), observed: [drifted])
        #expect(plan.outline == ["update sync/customer.updated we_1"])
        #expect(plan.actions[0].action.changes.map(\.field) == [.url, .enabledEvents, .description, .enabled, .metadata])
        #expect(plan.actions[0].action.changes[0] == FieldChange(.url, from: .string("https://old.example.com/x"), to: .string(t1.url)))
    }

    @Test func apiVersionChangeIsAReplaceRefusedWithoutTheFlag() {
        let old = Fixture.endpoint(for: Fixture.trigger(apiVersion: "2024-06-20"), id: "we_1")
        let config = Fixture.config([Fixture.trigger(apiVersion: "2025-01-27.acacia")])
        let refused = Planner.plan(config: config, observed: [old])
        #expect(refused.outline == ["replace sync/customer.updated we_1"])
        #expect(refused.refusals == [.replaceNotAllowed(count: 1)])
        let allowed = Planner.plan(config: config, observed: [old], options: PlanOptions(allowReplace: true))
        #expect(allowed.refusals.isEmpty)
        guard case .replace(_, _, let changes, let deleteFirst) = allowed.actions[0].action else { Issue.record("not a replace"); return }
        #expect(changes == [FieldChange(.apiVersion, from: .string("2024-06-20"), to: .string("2025-01-27.acacia"))])
        #expect(!deleteFirst)
    }

    @Test func undeclaredApiVersionAcceptsAnyVersion() {
        var endpoint = Fixture.endpoint(for: t1, id: "we_1")
        endpoint.apiVersion = "2019-01-01"
        let plan = Planner.plan(config: Fixture.config([t1]), observed: [endpoint])
        #expect(plan.outline == ["unchanged sync/customer.updated we_1"])
    }

    @Test func connectChangeIsAReplace() {
        let old = Fixture.endpoint(for: t1, id: "we_1")
        let plan = Planner.plan(config: Fixture.config([Fixture.trigger(connect: true)]), observed: [old], options: PlanOptions(allowReplace: true))
        guard case .replace(_, _, let changes, _) = plan.actions[0].action else { Issue.record("not a replace"); return }
        #expect(changes.contains(FieldChange(.connect, from: .bool(false), to: .bool(true))))
    }

    @Test func duplicatesKeepTheOldestAndDeleteTheRest() {
        let plan = Planner.plan(config: Fixture.config([t1]), observed: [
            Fixture.endpoint(for: t1, id: "we_new", created: 300),
            Fixture.endpoint(for: t1, id: "we_old", created: 100),
            Fixture.endpoint(for: t1, id: "we_mid", created: 200),
        ])
        #expect(plan.outline == [
            "delete sync/customer.updated we_mid", "delete sync/customer.updated we_new",
            "unchanged sync/customer.updated we_old",
        ])
        #expect(plan.actions[0].action == .delete(endpointID: "we_mid", reason: .duplicate(of: "we_old")))
    }

    @Test func duplicatesPreferOneThatNeedsNoReplace() {
        let wanted = Fixture.trigger(apiVersion: "2025-01-27.acacia")
        let stale = Fixture.endpoint(for: Fixture.trigger(apiVersion: "2024-06-20"), id: "we_old", created: 100)
        let good = Fixture.endpoint(for: wanted, id: "we_good", created: 200)
        let plan = Planner.plan(config: Fixture.config([wanted]), observed: [stale, good])
        #expect(plan.outline == ["delete sync/customer.updated we_old", "unchanged sync/customer.updated we_good"])
        #expect(plan.refusals.isEmpty)
    }

    @Test func orphansAreDeleted() {
        let plan = Planner.plan(config: Fixture.config([t1]), observed: [
            Fixture.endpoint(for: t1, id: "we_1"), Fixture.endpoint(for: t2, id: "we_2"),
        ])
        #expect(plan.outline == ["delete dunning/invoice.payment_failed we_2", "unchanged sync/customer.updated we_1"])
        #expect(plan.actions[0].action == .delete(endpointID: "we_2", reason: .orphan))
    }

    @Test func unmanagedAndForeignAreNeverTouched() {
        let unmanaged = Fixture.unmanaged(id: "we_u", url: "https://elsewhere.example.com", events: ["*"])
        let foreign = Fixture.endpoint(for: t2, id: "we_f", owner: "other-team")
        var otherTool = Fixture.unmanaged(id: "we_t", url: t1.url, events: [t1.event])
        otherTool.metadata = ["managed_by": "terraform"]
        let plan = Planner.plan(config: Fixture.config([t1]), observed: [unmanaged, foreign, otherTool])
        #expect(plan.outline == ["create sync/customer.updated new"])
        #expect(plan.unmanaged == ["we_u", "we_f", "we_t"])
    }

    @Test func unmanagedEndpointWithTheUrlIsAdoptedOldestFirst() {
        let newer = Fixture.unmanaged(id: "we_new", url: t1.url, events: ["customer.updated", "customer.created"], created: 90)
        let older = Fixture.unmanaged(id: "we_old", url: t1.url, events: ["*"], created: 10)
        let plan = Planner.plan(config: Fixture.config([t1]), observed: [newer, older])
        #expect(plan.outline == ["adopt sync/customer.updated we_old"])
        #expect(plan.unmanaged == ["we_new"])
        let fields = plan.actions[0].action.changes.map(\.field)
        #expect(fields == [.enabledEvents, .description, .metadata])
    }

    @Test func unmanagedWithTheUrlButNotTheEventIsNotAdopted() {
        let other = Fixture.unmanaged(id: "we_u", url: t1.url, events: ["invoice.paid"])
        let plan = Planner.plan(config: Fixture.config([t1]), observed: [other])
        #expect(plan.outline == ["create sync/customer.updated new"])
    }

    @Test func oneUnmanagedEndpointIsAdoptedByOneTriggerOnly() {
        let shared = "https://hooks.example.com/all"
        let a = Fixture.trigger("a", "customer.updated", url: shared)
        let b = Fixture.trigger("b", "customer.created", url: shared)
        let plan = Planner.plan(config: Fixture.config([a, b]), observed: [Fixture.unmanaged(id: "we_u", url: shared, events: ["*"])])
        #expect(plan.outline == ["adopt a/customer.updated we_u", "create b/customer.created new"])
    }

    @Test func capCountsUnmanagedAndForeign() {
        let others = (0..<3).map { Fixture.unmanaged(id: "we_u\($0)", url: "https://x.example.com/\($0)", events: ["*"]) }
        let plan = Planner.plan(config: Fixture.config([t1, t2], maxEndpoints: 4), observed: others)
        #expect(plan.refusals == [.endpointCap(planned: 5, untouched: 3, max: 4)])
        #expect(plan.refusals[0].message(spelling: .test).hasPrefix(
            "the plan would leave 5 webhook endpoints (2 of this file's triggers, 3 unmanaged or foreign); this account allows 4 (`stripe.max_endpoints`);"))
    }

    @Test func replaceDeletesFirstOnlyWhenTheCapLeavesNoRoom() {
        let old = Fixture.endpoint(for: Fixture.trigger(apiVersion: "2024-06-20"), id: "we_1")
        let config = Fixture.config([Fixture.trigger(apiVersion: "2025-01-27.acacia")], maxEndpoints: 1)
        let plan = Planner.plan(config: config, observed: [old], options: PlanOptions(allowReplace: true))
        guard case .replace(_, _, _, let deleteFirst) = plan.actions[0].action else { Issue.record("not a replace"); return }
        #expect(deleteFirst)
        #expect(plan.refusals.isEmpty)
    }

    @Test func deletionLimitRefusesATruncatedConfig() {
        let triggers = (0..<8).map { Fixture.trigger("wf\($0)") }
        let observed = triggers.enumerated().map { Fixture.endpoint(for: $1, id: "we_\($0)") }
        // 8 managed: the limit is max(3, 8 / 2) = 4; deleting 5 is refused.
        let plan = Planner.plan(config: Fixture.config(Array(triggers.prefix(3))), observed: observed)
        #expect(plan.refusals == [.deletionLimit(deletes: 5, limit: .halfOfManaged(8))])
        #expect(plan.refusals[0].message(spelling: .test).hasPrefix("the plan would delete 5 endpoints whose triggers are no longer declared, over the limit of 4 (the default: the larger of 3 and half of the 8 managed endpoints);"))
        #expect(Planner.plan(config: Fixture.config(Array(triggers.prefix(4))), observed: observed).refusals.isEmpty)
        #expect(Planner.plan(config: Fixture.config([]), observed: observed, options: PlanOptions(allowDeletes: true)).refusals.isEmpty)
        #expect(Planner.plan(config: Fixture.config([]), observed: observed, options: PlanOptions(maxDeletes: 8)).refusals.isEmpty)
        #expect(Planner.plan(config: Fixture.config([]), observed: observed, options: PlanOptions(maxDeletes: 7)).refusals == [.deletionLimit(deletes: 8, limit: .flag(7))])
        #expect(Refusal.deletionLimit(deletes: 8, limit: .flag(7)).message(spelling: .test).hasSuffix("over the limit of 7 («maxDeletes(7)»); check the config is complete, then pass «allowDeletes» or «maxDeletes(8)»"))
    }

    @Test func duplicateDeletesDoNotCountTowardTheLimit() {
        let observed = (0..<6).map { Fixture.endpoint(for: t1, id: "we_\($0)", created: $0) }
        let plan = Planner.plan(config: Fixture.config([t1]), observed: observed)
        #expect(plan.refusals.isEmpty)
        #expect(PlanSummary(plan.actions) == PlanSummary(delete: 5, unchanged: 1))
    }

    @Test func targetLimitsTheRunToMatchingTriggers() {
        let observed = [Fixture.endpoint(for: t2, id: "we_2")]
        let plan = Planner.plan(config: Fixture.config([t1]), observed: observed, options: PlanOptions(targets: ["sync/"]))
        // dunning/… is out of scope: not deleted, not listed as unmanaged.
        #expect(plan.outline == ["create sync/customer.updated new"])
        #expect(plan.unmanaged.isEmpty)
    }

    @Test func disabledTriggerDriftsWhenEnabled() {
        let wanted = Fixture.trigger(enabled: false)
        let plan = Planner.plan(config: Fixture.config([wanted]), observed: [Fixture.endpoint(for: t1, id: "we_1")])
        #expect(plan.actions[0].action == .update(endpointID: "we_1", changes: [FieldChange(.enabled, from: .bool(true), to: .bool(false))]))
    }

    @Test func secondRunAfterApplyPlansNothing() {
        let config = Fixture.config([t1, t2, Fixture.trigger("c", "invoice.paid", connect: true, metadata: ["team": "crm"])])
        let applied = config.triggers.enumerated().map { Fixture.endpoint(for: $1, id: "we_\($0)") }
        let plan = Planner.plan(config: config, observed: applied)
        #expect(!plan.hasChanges)
        #expect(PlanSummary(plan.actions) == PlanSummary(unchanged: 3))
    }

    @Test func summaryCountsEachTriggerOnceAndEachExtraDelete() {
        let old = Fixture.endpoint(for: Fixture.trigger(apiVersion: "2024-06-20"), id: "we_r")
        let config = Fixture.config([Fixture.trigger(apiVersion: "2025-01-27.acacia"), t2])
        let orphan = Fixture.endpoint(for: Fixture.trigger("gone"), id: "we_o")
        let plan = Planner.plan(config: config, observed: [old, orphan], options: PlanOptions(allowReplace: true))
        #expect(PlanSummary(plan.actions) == PlanSummary(create: 1, replace: 1, delete: 1))
    }
}
