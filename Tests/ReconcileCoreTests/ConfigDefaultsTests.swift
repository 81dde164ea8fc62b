import Foundation
import Testing
@testable import ReconcileCore

@Suite struct ConfigDefaultsTests {
    @Test func minimalFileTakesEveryDefault() throws {
        let config = try #require(expectValid(trigger("event: customer.updated\nurl: https://hooks.example.com/a")))
        #expect(config.path == "test.yaml")
        #expect(config.stripe == StripeSettings(apiKeyEnv: "STRIPE_API_KEY", owner: "default", mode: nil, apiVersion: nil, maxEndpoints: 16))
        #expect(config.triggers == [DeclaredTrigger(
            workflow: "wf", event: "customer.updated", url: "https://hooks.example.com/a",
            description: "Managed by reconcile: wf/customer.updated", enabled: true, apiVersion: nil, connect: false, metadata: [:])])
        #expect(config.triggers[0].key == "wf/customer.updated")
    }

    @Test func everyFieldIsRead() throws {
        let yaml = """
            version: 1
            stripe:
              api_key_env: SHOP_KEY
              owner: shop-prod
              mode: live
              api_version: "2024-06-20"
              max_endpoints: 20
            workflows:
              - name: sync-customers
                description: Customer changes to the CRM
                triggers:
                  - event: customer.updated
                    url: https://hooks.example.com/w/123
                    description: own text
                    enabled: false
                    api_version: 2024-04-10
                    connect: true
                    metadata: {team: crm, count: 3, flag: true}
                  - event: customer.created
                    url: https://hooks.example.com/w/124
            """
        let config = try #require(expectValid(yaml))
        #expect(config.stripe == StripeSettings(apiKeyEnv: "SHOP_KEY", owner: "shop-prod", mode: .live, apiVersion: "2024-06-20", maxEndpoints: 20))
        #expect(config.workflows.map(\.name) == ["sync-customers"])
        #expect(config.workflows[0].description == "Customer changes to the CRM")
        #expect(config.triggers[0] == DeclaredTrigger(
            workflow: "sync-customers", event: "customer.updated", url: "https://hooks.example.com/w/123",
            description: "own text", enabled: false, apiVersion: "2024-04-10", connect: true,
            metadata: ["team": "crm", "count": "3", "flag": "true"]))
        // Omitted fields fall back to the workflow's description and the account's version.
        #expect(config.triggers[1].description == "Customer changes to the CRM")
        #expect(config.triggers[1].apiVersion == "2024-06-20")
        #expect(config.triggers[1].enabled && !config.triggers[1].connect)
    }

    @Test func nullOptionalValuesReadAsAbsent() throws {
        let config = try #require(expectValid(trigger("event: customer.updated\nurl: https://x.example\ndescription:\nmetadata: ~\nenabled:", stripe: "stripe:\n")))
        #expect(config.triggers[0].description == "Managed by reconcile: wf/customer.updated")
        #expect(config.triggers[0].metadata.isEmpty && config.triggers[0].enabled)
    }

    @Test func emptyWorkflowListIsValid() {
        #expect(expectValid("version: 1\nworkflows: []\n")?.triggers == [])
    }

    @Test func displayNameResolvesToItsType() {
        let config = expectValid(trigger("event: Customer Subscription Updated\nurl: https://x.example"))
        #expect(config?.triggers.first?.event == "customer.subscription.updated")
        #expect(config?.triggers.first?.key == "wf/customer.subscription.updated")
    }

    @Test func unknownWellFormedEventNeedsTheOption() {
        let yaml = trigger("event: customer.teleported\nurl: https://x.example")
        #expect(expectValid(yaml, options: ConfigLoadOptions(spelling: .test, allowUnknownEvents: true))?.triggers.first?.event == "customer.teleported")
        expectError(yaml, "5:16: unknown event type `customer.teleported`")
    }

    @Test func unknownWellFormedAPIVersionNeedsTheOption() {
        let yaml = trigger("event: customer.updated\nurl: https://x.example\napi_version: 2027-01-01.fig")
        #expect(expectValid(yaml, options: ConfigLoadOptions(spelling: .test, allowUnknownAPIVersions: true))?.triggers.first?.apiVersion == "2027-01-01.fig")
        expectError(yaml, "7:22: unknown Stripe API version `2027-01-01.fig`")
    }

    @Test func loopbackHttpIsAccepted() {
        for url in ["http://localhost:12111/x", "http://127.0.0.1/x", "http://127.4.5.6:80", "http://[::1]:8080/x", "HTTPS://Example.com"] {
            #expect(expectValid(trigger("event: customer.updated\nurl: \(url)")) != nil, "\(url)")
        }
    }

    @Test func crlfAndByteOrderMarkAreRead() {
        let yaml = "\u{FEFF}" + trigger("event: customer.updated\nurl: https://x.example").replacingOccurrences(of: "\n", with: "\r\n")
        #expect(expectValid(yaml)?.triggers.count == 1)
    }
}
