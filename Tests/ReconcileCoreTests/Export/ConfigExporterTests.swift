import Testing
@testable import ReconcileCore

@Suite struct ConfigExporterTests {
    static let settings = StripeSettings(owner: "shop", apiVersion: "2024-06-20")

    /// Endpoints as a varied account has them: managed (with every optional field),
    /// a duplicate, a foreign one and unmanaged ones.
    static let account: [ObservedEndpoint] = {
        let plain = Fixture.trigger("sync", "customer.updated", metadata: ["team": "crm", "note": "a \"quoted\" ${HOME} value\nnext"])
        let fancy = DeclaredTrigger(
            workflow: "dunning", event: "invoice.payment_failed", url: "https://hooks.example.com/d?x=1&y=${Z}",
            description: "Dunning: yes", enabled: false, apiVersion: "2025-01-27.acacia", connect: true, metadata: ["priority": "1"]
        )
        var duplicate = Fixture.endpoint(for: plain, id: "we_dup", created: 50, owner: "shop")
        duplicate.description = "a newer duplicate"
        return [
            duplicate,
            Fixture.endpoint(for: plain, id: "we_plain", created: 10, owner: "shop"),
            Fixture.endpoint(for: fancy, id: "we_fancy", created: 20, owner: "shop"),
            Fixture.endpoint(for: Fixture.trigger("theirs"), id: "we_foreign", owner: "other"),
            Fixture.unmanaged(id: "we_Hand", url: "https://zapier.example.com/a", events: ["charge.refunded", "charge.failed"]),
            Fixture.unmanaged(id: "we_all", url: "https://all.example.com", events: ["*"]),
        ]
    }()

    func load(_ yaml: String) throws -> AccountConfig {
        switch ConfigLoader.load(text: yaml, path: "exported.yaml", environment: [:], options: .test) {
        case .success(let config): return config
        case .failure(let errors):
            Issue.record("exported config is invalid:\n\(errors.diagnostics.map(\.message).joined(separator: "\n"))\n\(yaml)")
            throw errors
        }
    }

    @Test func exportedManagedEndpointsPlanNoChange() throws {
        let yaml = ConfigExporter.export(Self.account, settings: Self.settings, includeUnmanaged: false)
        let config = try load(yaml)
        #expect(config.triggers.map(\.key) == ["dunning/invoice.payment_failed", "sync/customer.updated"])
        let plan = Planner.plan(config: config, observed: Self.account)
        // Only the duplicate goes: it was never part of the declared state.
        #expect(plan.outline == ["delete sync/customer.updated we_dup", "unchanged dunning/invoice.payment_failed we_fancy", "unchanged sync/customer.updated we_plain"])
        #expect(plan.refusals.isEmpty)
        #expect(!yaml.contains("we_foreign"))
    }

    @Test func unmanagedEndpointsAreExportedToBeAdopted() throws {
        let yaml = ConfigExporter.export(Self.account, settings: Self.settings, includeUnmanaged: true)
        let config = try load(yaml)
        #expect(config.triggers.map(\.key).contains("we_hand/charge.refunded"))
        #expect(yaml.contains("# not exported: we_all (https://all.example.com) receives every event (*)"))
        let plan = Planner.plan(config: config, observed: Self.account)
        #expect(plan.outline.contains("adopt we_hand/charge.refunded we_Hand"))
        #expect(plan.outline.contains("create we_hand/charge.failed new"))
    }

    @Test func secretLookingMetadataIsLeftOut() throws {
        var endpoint = Fixture.endpoint(for: Fixture.trigger(), id: "we_1", owner: "shop")
        endpoint.metadata["token"] = "whsec_abc123"
        let yaml = ConfigExporter.export([endpoint], settings: Self.settings, includeUnmanaged: false)
        #expect(!yaml.contains("whsec_"))
        _ = try load(yaml)
    }

    @Test func anEmptyAccountExportsAnEmptyConfig() throws {
        let yaml = ConfigExporter.export([], settings: StripeSettings(), includeUnmanaged: true)
        #expect(yaml.contains("workflows: []"))
        #expect(try load(yaml).triggers.isEmpty)
    }
}
