import Testing
@testable import ReconcileCore

@Suite struct TriggerRulesTests {
    @Test func unknownEventSuggestsTheClosest() {
        expectError(trigger("event: customer.update\nurl: https://x.example"),
                    "5:16: unknown event type `customer.update`",
                    hint: "did you mean `customer.updated`? If Stripe added it after this build, pass «allowUnknownEvents»")
    }

    @Test func anEventLikeNoneKnownPointsToTheSearch() {
        expectError(trigger("event: zzzqx.vvvwy\nurl: https://x.example"),
                    "5:16: unknown event type `zzzqx.vvvwy`",
                    hint: "`«searchEvents»` lists the known types. If Stripe added it after this build, pass «allowUnknownEvents»")
    }

    @Test func malformedEventIsNotOfferedTheFlag() {
        expectError(trigger("event: Customer Updatd\nurl: https://x.example"),
                    "5:16: unknown event type `Customer Updatd`", hint: "did you mean `customer.updated`?")
    }

    @Test func partialEventNameFindsItsFullName() {
        expectError(trigger("event: subscription.updated\nurl: https://x.example"),
                    "5:16: unknown event type `subscription.updated`",
                    hint: "did you mean `customer.subscription.updated`? If Stripe added it after this build, pass «allowUnknownEvents»")
    }

    @Test func starIsRefused() {
        expectError(trigger("event: \"*\"\nurl: https://x.example"),
                    "5:16: `*` (every event) cannot be a trigger: a trigger is exactly one event type")
    }

    @Test func missingEventAndURL() {
        #expect(diagnostics(trigger("description: x")).map(short) == [
            "5:9: a trigger needs an `event`", "5:9: a trigger needs a `url`",
        ])
    }

    @Test func httpToAPublicHostIsRefused() {
        expectError(trigger("event: customer.updated\nurl: http://hooks.example.com/a"),
                    "6:14: `url` must use https://: http:// is accepted only for loopback hosts (localhost, 127.0.0.0/8, ::1)",
                    hint: "write `https://hooks.example.com/a`")
    }

    @Test func urlShapes() {
        let cases: [(String, String)] = [
            ("hooks.example.com/a", "`url` must be an absolute https:// url, not `hooks.example.com/a`"),
            ("ftp://x.example", "`url` must use https://, not ftp://"),
            ("https://user:pw@x.example/", "`url` must not contain credentials (`user:password@`)"),
            ("https://x.example/a b", "`url` contains whitespace"),
            ("https:///path", "`url` has no host: `https:///path`"),
            ("http://127.0.0.1.example.com/", "`url` must use https://: http:// is accepted only for loopback hosts (localhost, 127.0.0.0/8, ::1)"),
            ("\"\"", "`url` is empty"),
        ]
        for (url, message) in cases {
            expectError(trigger("event: customer.updated\nurl: \(url)"), "6:14: \(message)")
        }
    }

    @Test func duplicateTriggerKeyPointsAtBoth() {
        let yaml = """
            version: 1
            workflows:
              - name: wf
                triggers:
                  - event: customer.updated
                    url: https://a.example
                  - event: Customer Updated
                    url: https://b.example
            """
        expectError(yaml, "7:16: duplicate trigger `wf/customer.updated`: already declared at line 5, column 16")
    }

    @Test func sameEventInTwoWorkflowsIsFine() {
        let yaml = """
            version: 1
            workflows:
              - name: a
                triggers: [{event: customer.updated, url: https://a.example}]
              - name: b
                triggers: [{event: customer.updated, url: https://a.example}]
            """
        #expect(expectValid(yaml)?.triggers.map(\.key) == ["a/customer.updated", "b/customer.updated"])
    }

    @Test func moreTriggersThanMaxEndpoints() {
        var yaml = "version: 1\nstripe:\n  max_endpoints: 2\nworkflows:\n  - name: wf\n    triggers:\n"
        for event in ["customer.created", "customer.updated", "customer.deleted"] {
            yaml += "      - {event: \(event), url: https://x.example}\n"
        }
        expectError(yaml, "9:9: 3 triggers declared; this account allows 2 endpoints (`max_endpoints: 2` at line 3)",
                    hint: "each trigger is one webhook endpoint; remove 1 trigger, or raise `stripe.max_endpoints` if Stripe raised your limit")
    }

    @Test func moreTriggersThanStripeAllowsAcrossWorkflows() {
        var yaml = "version: 1\nworkflows:\n"
        for workflow in 0..<6 {
            yaml += "  - name: wf\(workflow)\n    triggers:\n"
            for event in ["customer.created", "customer.updated", "customer.deleted"] {
                yaml += "      - {event: \(event), url: https://x.example}\n"
            }
        }
        // The 17th trigger is the second of the sixth workflow: line 3 + 5 × 5 + 2 + 1.
        expectError(yaml, "31:9: 18 triggers declared; this account allows 16 endpoints (Stripe's limit per account; `max_endpoints` is not set)",
                    hint: "each trigger is one webhook endpoint; remove 2 triggers, or raise `stripe.max_endpoints` if Stripe raised your limit")
    }

    @Test func booleansAreStrict() {
        expectError(trigger("event: customer.updated\nurl: https://x.example\nenabled: yes"),
                    "7:18: `enabled` must be `true` or `false`, found `yes`", hint: "write `true`")
        expectError(trigger("event: customer.updated\nurl: https://x.example\nconnect: \"false\""),
                    "7:18: `connect` must be `true` or `false`, found the string \"false\"", hint: "remove the quotes")
        expectError(trigger("event: customer.updated\nurl: https://x.example\nconnect: 1"),
                    "7:18: `connect` must be `true` or `false`, found the number 1")
    }

    @Test func descriptionLimit() {
        let long = String(repeating: "a", count: 5001)
        expectError(trigger("event: customer.updated\nurl: https://x.example\ndescription: \(long)"),
                    "7:22: `description` is 5001 characters long; Stripe accepts at most 5000")
    }

    @Test func unknownTriggerKeySuggests() {
        #expect(diagnostics(trigger("event: customer.updated\nulr: https://x.example")).map(short) == [
            "5:9: a trigger needs a `url`", "6:9: unknown key `ulr` in a trigger",
        ])
        let found = diagnostics(trigger("event: customer.updated\nurl: https://x.example\nenable: false"))
        #expect(found.map(short) == ["7:9: unknown key `enable` in a trigger"])
        #expect(found.first?.hint == "did you mean `enabled`?")
    }

    @Test func wrongTypeForURL() {
        expectError(trigger("event: customer.updated\nurl: [https://x.example]"), "6:14: `url` must be a single value, found a list")
    }
}

@Suite struct FamiliarMistakesTests {
    @Test func aTriggerWrittenAsABareEvent() {
        expectError("version: 1\nworkflows:\n  - name: wf\n    triggers:\n      - customer.updated\n",
                    "5:9: a trigger must be a mapping of keys to values, found the string \"customer.updated\"",
                    hint: "write `- event: customer.updated`, with `url: https://...` under it")
    }

    @Test func stripeStyleEventLists() {
        let found = diagnostics(trigger("event: customer.updated\nurl: https://x.example\nenabled_events: [customer.created]"))
        #expect(found.map(short) == ["7:9: unknown key `enabled_events` in a trigger"])
        #expect(found.first?.hint == "a trigger is exactly one event: write `event: TYPE`, and one trigger per event")
    }

    @Test func aSigningSecretKey() {
        let found = diagnostics(trigger("event: customer.updated\nurl: https://x.example\nsecret: abc"))
        #expect(found.first?.hint == "Stripe makes an endpoint's signing secret when it is created; `«secretsOut»` saves it")
    }
}
