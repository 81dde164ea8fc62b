import Foundation
import Testing
@testable import ReconcileCore

@Suite struct RendererTests {
    /// A plan with one of each kind of change, an unchanged trigger and an unmanaged endpoint.
    static func mixedReport(dryRun: Bool = true) -> RunReport {
        let create = Fixture.trigger("sync", "customer.updated", metadata: ["team": "crm"])
        let drift = Fixture.trigger("dunning", "invoice.payment_failed")
        var drifted = Fixture.endpoint(for: drift, id: "we_upd", created: 1)
        drifted.url = "https://old.example.com/x"
        drifted.metadata["extra"] = "1"
        let same = Fixture.trigger("paid", "invoice.paid")
        let orphan = Fixture.endpoint(for: Fixture.trigger("gone", "charge.refunded"), id: "we_del", created: 2)
        let unmanaged = Fixture.unmanaged(id: "we_u", url: "https://other.example.com", events: ["*"])
        let plan = Planner.plan(
            config: Fixture.config([create, drift, same]),
            observed: [drifted, Fixture.endpoint(for: same, id: "we_same", created: 3), orphan, unmanaged]
        )
        return RunReport(dryRun: dryRun, accounts: [AccountReport(configPath: "shop.yaml", owner: "shop", plan: plan, outcome: .planned)])
    }

    @Test func textReadsLikeTerraformPlan() {
        let text = TextRenderer(spelling: .test).render(Self.mixedReport())
        #expect(text == """
        shop.yaml (owner shop)
          - delete gone/charge.refunded (we_del) # trigger no longer declared
          ~ update dunning/invoice.payment_failed (we_upd)
              url:            "https://old.example.com/x" → "https://hooks.example.com/dunning/invoice.payment_failed"
              metadata.extra: "1" → (none)
          + create sync/customer.updated
              url                        = "https://hooks.example.com/sync/customer.updated"
              enabled_events             = [customer.updated]
              description                = "Managed by reconcile: sync/customer.updated"
              enabled                    = true
              metadata.managed_by        = "reconcile"
              metadata.reconcile_owner   = "shop"
              metadata.reconcile_trigger = "sync/customer.updated"
              metadata.team              = "crm"
          1 unchanged; 1 unmanaged or foreign left alone: we_u

        Plan: 1 to create, 1 to update, 0 to replace, 1 to delete, 0 to adopt, 1 unchanged.

        """)
    }

    @Test func colorsOnlyWhenAsked() {
        #expect(!TextRenderer(spelling: .test).render(Self.mixedReport()).contains("\u{1B}["))
        #expect(TextRenderer(style: TextStyle(enabled: true), spelling: .test).render(Self.mixedReport()).contains("\u{1B}[32m+ create\u{1B}[0m"))
    }

    @Test func jsonFollowsTheContract() throws {
        let json = JSONRenderer.render(Self.mixedReport(), spelling: .test)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(root["format_version"] as? Int == 1)
        #expect(root["dry_run"] as? Bool == true)
        let summary = try #require(root["summary"] as? [String: Int])
        #expect(summary == ["create": 1, "update": 1, "replace": 0, "delete": 1, "adopt": 0, "unchanged": 1])
        let account = try #require((root["accounts"] as? [[String: Any]])?.first)
        #expect(account["config"] as? String == "shop.yaml")
        #expect(account["unmanaged"] as? [String] == ["we_u"])
        let actions = try #require(account["actions"] as? [[String: Any]])
        let create = try #require(actions.first { $0["action"] as? String == "create" })
        #expect(create["endpoint_id"] is NSNull)
        #expect(create["trigger"] as? String == "sync/customer.updated")
        let url = try #require((create["changes"] as? [String: Any])?["url"] as? [String: Any])
        #expect(url["from"] is NSNull)
        #expect(url["to"] as? String == "https://hooks.example.com/sync/customer.updated")
    }

    @Test func markdownIsATablePerAccount() {
        let markdown = MarkdownRenderer.render(Self.mixedReport(), spelling: .test)
        #expect(markdown.contains("| update | `dunning/invoice.payment_failed` | `we_upd` | `url`: \"https://old.example.com/x\" → \"https://hooks.example.com/dunning/invoice.payment_failed\"<br>`metadata.extra`: \"1\" → (none) |"))
        #expect(markdown.contains("**1** to create"))
        #expect(markdown.contains("Left alone (unmanaged or foreign): `we_u`"))
    }

    /// Failed before refused before changed (the CLI's exit codes 1, 4, 2 follow it; the
    /// end-to-end tests check the codes themselves).
    @Test func outcomesFollowTheContractsPrecedence() {
        var report = Self.mixedReport()
        #expect(report.outcome == .changed)
        report.accounts.append(AccountReport(configPath: "b.yaml", owner: "b", plan: nil, outcome: .refused))
        #expect(report.outcome == .refused)
        report.accounts.append(AccountReport(configPath: "c.yaml", owner: "c", plan: nil, outcome: .failed(message: "boom", completed: 0)))
        #expect(report.outcome == .failed)
        #expect(RunReport(dryRun: true, accounts: []).outcome == .unchanged)
    }
}
