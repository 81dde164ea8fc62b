import Testing
@testable import ReconcileCore

@Suite struct StripeSectionTests {
    private func stripe(_ line: String) -> String { "version: 1\nstripe:\n  \(line)\nworkflows: []\n" }

    @Test func versionIsRequiredAndOne() {
        expectError("workflows: []\n", "1:1: missing `version`", hint: "add `version: 1` as the first line")
        expectError("version: 2\nworkflows: []\n", "1:10: unsupported config version 2; only version 1 exists")
        expectError("version: \"1\"\nworkflows: []\n", "1:10: `version` must be an integer, found the string \"1\"", hint: "remove the quotes")
        expectError("version: one\nworkflows: []\n", "1:10: `version` must be an integer, found the string \"one\"")
    }

    @Test func unknownKeySuggestsTheClosest() {
        expectError(stripe("ownr: x"), "3:3: unknown key `ownr` in `stripe`", hint: "did you mean `owner`?")
        expectError(stripe("region: eu"), "3:3: unknown key `region` in `stripe`",
                    hint: "expected one of `api_key_env`, `owner`, `mode`, `api_version`, `max_endpoints`")
    }

    @Test func modeIsTestOrLive() {
        expectError(stripe("mode: prod"), "3:9: `mode` must be `test` or `live`, not `prod`")
        expectError(stripe("mode: tset"), "3:9: `mode` must be `test` or `live`, not `tset`", hint: "did you mean `test`?")
    }

    @Test func maxEndpointsIsAPositiveInteger() {
        expectError(stripe("max_endpoints: 0"), "3:18: `max_endpoints` must be a positive integer, not 0")
        expectError(stripe("max_endpoints: -3"), "3:18: `max_endpoints` must be a positive integer, not -3")
        expectError(stripe("max_endpoints: 1.5"), "3:18: `max_endpoints` must be an integer, found the number 1.5")
        expectError(stripe("max_endpoints: 99999999999999999999999"), "3:18: `max_endpoints` is too large: 99999999999999999999999")
        expectError(stripe("max_endpoints: {a: 1}"), "3:18: `max_endpoints` must be an integer, found a mapping")
    }

    @Test func ownerIsAToken() {
        expectError(stripe("owner: shop prod"),
                    "3:10: `owner` must be a token of letters, digits, `.`, `_` and `-`, at most 64 characters")
        expectError(stripe("owner: team/a"),
                    "3:10: `owner` must be a token of letters, digits, `.`, `_` and `-`, at most 64 characters")
        #expect(expectValid(stripe("owner: Shop.Prod_2-eu"))?.stripe.owner == "Shop.Prod_2-eu")
        expectError(stripe("owner: " + String(repeating: "a", count: 65)), "3:10: `owner` is 65 characters long; at most 64 are allowed")
        #expect(expectValid(stripe("owner: " + String(repeating: "a", count: 64)))?.stripe.owner.count == 64)
    }

    @Test func apiKeyEnvIsAVariableName() {
        expectError(stripe("api_key_env: 1KEY"), "3:16: `api_key_env` must name an environment variable, not `1KEY`")
        expectError(stripe("api_key_env: $STRIPE_KEY"), "3:16: `api_key_env` must name an environment variable, not `$STRIPE_KEY`")
    }

    @Test func apiVersionIsKnown() {
        expectError(stripe("api_version: 2024-06-21"), "3:16: unknown Stripe API version `2024-06-21`",
                    hint: "did you mean `2024-06-20`? If Stripe released it after this build, pass «allowUnknownAPIVersions»")
        expectError(stripe("api_version: 2024-09-30"), "3:16: unknown Stripe API version `2024-09-30`",
                    hint: "did you mean `2024-09-30.acacia`? If Stripe released it after this build, pass «allowUnknownAPIVersions»")
        expectError(stripe("api_version: latest"), "3:16: unknown Stripe API version `latest`",
                    hint: "the newest known version is `2026-10-28.endive`.")
        // Unquoted, YAML reads a date; the text is what counts.
        #expect(expectValid(stripe("api_version: 2024-06-20"))?.stripe.apiVersion == "2024-06-20")
    }

    @Test func stripeMustBeAMapping() {
        expectError("version: 1\nstripe: [a]\nworkflows: []\n", "2:9: `stripe` must be a mapping of keys to values, found a list")
        #expect(expectValid("version: 1\nstripe:\nworkflows: []\n")?.stripe == StripeSettings())
    }
}

/// `max_endpoints` too large to count to used to trap (`count == max + 1`).
@Suite struct MaxEndpointsBoundTests {
    private let huge = "9223372036854775807"

    @Test func aHugeMaxEndpointsIsAConfigError() {
        let found = diagnostics("version: 1\nstripe:\n  max_endpoints: \(huge)\nworkflows: []\n")
        #expect(found.map(\.location.line) == [3])
        #expect(found.first?.message.contains("at most 1000") == true)
    }

    @Test func aHugeMaxEndpointsFromTheEnvironmentIsAConfigError() {
        let yaml = trigger("event: customer.created\nurl: https://a.example/x", stripe: "stripe:\n  max_endpoints: ${MAX}\n")
        let found = diagnostics(yaml, environment: ["MAX": huge])
        #expect(found.map(\.location.line) == [3])
    }

    @Test func theLargestAllowedIsAccepted() {
        #expect(expectValid("version: 1\nstripe:\n  max_endpoints: 1000\nworkflows: []\n")?.stripe.maxEndpoints == 1000)
    }
}
