import ReconcileCore
import StripeEmulator
import Testing
@testable import Reconciler

/// The fewest requests, counted in the emulator's log: one list per account (more pages
/// only when `has_more`), then one request per change, and nothing else.
@Suite struct RequestCountTests {
    @Test func aNoOpRunListsEachAccountOnceAndPagesOnlyWhenThereIsMore() async throws {
        let h = EngineHarness(maxEndpoints: 150)
        let big = account((0..<120).map { ("w\($0)", "customer.updated") }, maxEndpoints: 150)
        let small = account([("sync", "customer.updated")], owner: "other", keyEnv: "OTHER_KEY", path: "other.yaml")
        let environment = ["STRIPE_API_KEY": h.key, "OTHER_KEY": "sk_test_other"]
        let first = await h.run([big, small], environment: environment)
        #expect(first.map(\.outcome) == [.applied, .applied])
        // Fresh accounts: one list each, then one create per trigger.
        #expect(h.emulator.requestLog().map(\.method).count == 2 + 121)
        #expect(h.emulator.requestLog().filter { $0.method == "GET" }.count == 2)

        h.emulator.clearRequestLog()
        let second = await h.run([big, small], environment: environment)
        #expect(second.allSatisfy { $0.plan?.hasChanges == false })
        // 120 endpoints are two pages of 100; one endpoint is one page.
        let log = h.emulator.requestLog()
        #expect(log.map(\.method) == ["GET", "GET", "GET"])
        #expect(Dictionary(grouping: log, by: { $0.account ?? "" }).values.map(\.count).sorted() == [1, 2])
    }

    @Test func aRunWithChangesSendsOneRequestPerChange() async throws {
        let h = EngineHarness()
        _ = await h.run([account([("sync", "customer.updated"), ("dunning", "invoice.payment_failed"), ("old", "invoice.paid")])])
        var changed = account([("sync", "customer.updated"), ("dunning", "invoice.payment_failed"), ("new", "charge.succeeded")])
        changed.workflows[1].triggers[0].url = "https://hooks.example.com/moved"
        changed.workflows[2].triggers[0].enabled = false
        h.emulator.clearRequestLog()

        let report = await h.run([changed])
        #expect(report.map(\.outcome) == [.applied])
        // list; delete the undeclared trigger's endpoint; update the moved one; create the
        // new one, then disable it (Stripe creates enabled): five requests, no re-list.
        let requests = h.emulator.requestLog().map { "\($0.method) \($0.path == "/v1/webhook_endpoints" ? "collection" : "endpoint")" }
        #expect(requests.count == 5)
        #expect(requests.first == "GET collection")
        #expect(requests.sorted() == ["DELETE endpoint", "GET collection", "POST collection", "POST endpoint", "POST endpoint"])
        #expect(h.emulator.requestLog().allSatisfy { $0.status == .status(200) && !$0.replayed })
    }
}
