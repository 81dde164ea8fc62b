import ReconcileCore
import Testing
@testable import Reconciler

/// The applier's ordering guarantees with writes in parallel, against a recording fake.
@Suite struct PlanApplierTests {
    @Test func deletesAndUpdatesFinishBeforeAnyCreateStarts() async throws {
        let api = RecordingAPI()
        try await apply([
            .delete(endpointID: "we_d1", reason: .orphan), .delete(endpointID: "we_d2", reason: .duplicate(of: "we_u1")),
            .update(endpointID: "we_u1", changes: []), .create(desired("a")), .create(desired("b")),
        ], on: api)
        let journal = api.journal
        let lastRoomMade = try #require(["delete we_d1", "delete we_d2", "update we_u1"].compactMap { journal.index(of: .end($0)) }.max())
        let firstCreate = try #require(["create a", "create b"].compactMap { journal.index(of: .start($0)) }.min())
        #expect(lastRoomMade < firstCreate, "creates need the room deletes make")
        #expect(journal.maxInFlight >= 2, "independent writes go in parallel")
        #expect(journal.started.count == 5)
    }

    @Test func replacesComeLastOneAtATimeEachInItsOwnOrder() async throws {
        let api = RecordingAPI()
        try await apply([
            .create(desired("a")),
            .replace(endpointID: "we_r1", with: desired("c"), changes: [], deleteFirst: false),
            .replace(endpointID: "we_r2", with: desired("d"), changes: [], deleteFirst: true),
        ], on: api)
        #expect(api.journal.events == [
            .start("create a"), .end("create a"),
            .start("create c"), .end("create c"), .start("delete we_r1"), .end("delete we_r1"),
            .start("delete we_r2"), .end("delete we_r2"), .start("create d"), .end("create d"),
        ])
    }

    @Test func independentWritesRunInParallelUpToTheWidth() async throws {
        let api = RecordingAPI()
        try await apply((0..<10).map { .create(desired("t\($0)")) }, on: api, width: 4)
        #expect(api.journal.maxInFlight == 4)
        #expect(api.journal.started.count == 10)
    }

    @Test func theFirstFailureStopsNewWritesAndCountsWhatFinished() async throws {
        var api = RecordingAPI()
        api.fails = { $0 == "create a" }
        let failure = await #expect(throws: ApplyFailure.self) {
            try await apply(["a", "b", "c", "d", "e"].map { .create(desired($0)) }, on: api, width: 2)
        }
        // "b" was already in flight and finishes; nothing after it starts.
        #expect(Set(api.journal.started) == ["create a", "create b"])
        #expect(failure?.completed == 1)
        #expect(failure?.action.trigger == "wf/a")
    }

    @Test func aFailedStageStartsNoLaterStage() async throws {
        var api = RecordingAPI()
        api.fails = { $0 == "delete we_d1" }
        let failure = await #expect(throws: ApplyFailure.self) {
            try await apply([
                .delete(endpointID: "we_d1", reason: .orphan), .update(endpointID: "we_u1", changes: []),
                .create(desired("a")), .replace(endpointID: "we_r1", with: desired("c"), changes: [], deleteFirst: false),
            ], on: api)
        }
        #expect(Set(api.journal.started) == ["delete we_d1", "update we_u1"])
        #expect(failure?.completed == 1)
    }

    @Test func aDisabledEndpointIsDisabledAfterItsCreate() async throws {
        let api = RecordingAPI()
        try await apply([.create(desired("a", enabled: false)), .create(desired("b"))], on: api)
        let created = try #require(api.journal.index(of: .end("create a")))
        let disabled = try #require(api.journal.index(of: .start("disable we_new_a")))
        #expect(created < disabled)
        #expect(api.journal.started.count == 3)
    }

    @Test func progressComesOncePerAction() async throws {
        let api = RecordingAPI()
        let seen = RecordingAPI.Journal()
        let applier = PlanApplier(api: api, account: "acct_test", observed: [], owner: "o")
        try await applier.apply(plan((0..<6).map { .create(desired("t\($0)")) })) { done in
            seen.record(.end(done.planned.trigger ?? ""))
        }
        #expect(seen.events.count == 6)
    }

    private func apply(_ actions: [Action], on api: RecordingAPI, width: Int = 8) async throws(ApplyFailure) {
        let applier = PlanApplier(api: api, account: "acct_test", observed: [], owner: "o", parallelWrites: width)
        try await applier.apply(plan(actions)) { _ in }
    }

    private func plan(_ actions: [Action]) -> Plan {
        Plan(configPath: "test.yaml", owner: "o", actions: actions.map { action in
            let trigger: String? = switch action {
            case .create(let desired), .replace(_, let desired, _, _): "wf/\(desired.url)"
            default: nil
            }
            return PlannedAction(trigger: trigger, action: action)
        }, unmanaged: [])
    }

    /// A desired endpoint whose url is `name`, so the journal reads `create NAME`.
    private func desired(_ name: String, enabled: Bool = true) -> DesiredEndpoint {
        var trigger = DeclaredTrigger(workflow: "wf", event: "customer.updated", url: name)
        trigger.enabled = enabled
        return DesiredEndpoint(trigger: trigger, owner: "o")
    }
}
