import Testing
@testable import ReconcileCore

@Suite struct SubstitutionTests {
    private func sub(_ text: String, _ environment: [String: String] = [:]) -> Result<String, EnvironmentSubstitution.Failure> {
        EnvironmentSubstitution.substitute(text, environment: environment)
    }

    @Test func replacesVariablesAndDefaults() throws {
        #expect(try sub("${HOST}/a", ["HOST": "https://h"]).get() == "https://h/a")
        #expect(try sub("${HOST:-https://d}/a").get() == "https://d/a")
        #expect(try sub("${HOST:-https://d}/a", ["HOST": ""]).get() == "https://d/a")
        #expect(try sub("${HOST}", ["HOST": ""]).get() == "")
        #expect(try sub("${A}-${B:-b}", ["A": "a"]).get() == "a-b")
        #expect(try sub("${A:-}x").get() == "x")
    }

    @Test func dollarsWithoutBracesStay() throws {
        #expect(try sub("costs $5 or $").get() == "costs $5 or $")
        #expect(try sub("$${HOME} is literal").get() == "${HOME} is literal")
    }

    @Test func failures() {
        #expect(sub("${HOST}/a") == .failure(.init(message: "environment variable `HOST` is not set", hint: "set HOST, or give a default: `${HOST:-value}`")))
        #expect(sub("${HOST") == .failure(.init(message: "unterminated `${` in a value", hint: "write `${NAME}`, or `$${` for a literal `${`")))
        #expect((try? sub("${1X}").get()) == nil)
        #expect((try? sub("${}").get()) == nil)
    }

    @Test func unsetVariableIsLocatedAtItsValue() {
        expectError(trigger("event: customer.updated\nurl: ${HOOK_HOST}/x"), "6:14: environment variable `HOOK_HOST` is not set",
                    hint: "set HOOK_HOST, or give a default: `${HOOK_HOST:-value}`")
    }

    @Test func substitutedValuesAreChecked() {
        let yaml = trigger("event: customer.updated\nurl: ${HOOK_HOST}/x")
        #expect(expectValid(yaml, environment: ["HOOK_HOST": "https://h.example"])?.triggers.first?.url == "https://h.example/x")
        expectError(yaml, "6:14: `url` must use https://: http:// is accepted only for loopback hosts (localhost, 127.0.0.0/8, ::1)",
                    environment: ["HOOK_HOST": "http://h.example"])
    }

    @Test func typedFieldsTakeVariables() {
        let yaml = trigger("event: customer.updated\nurl: https://x.example\nenabled: ${ENABLED:-false}", stripe: "stripe:\n  max_endpoints: ${MAX:-5}\n")
        let config = expectValid(yaml)
        #expect(config?.stripe.maxEndpoints == 5)
        #expect(config?.triggers.first?.enabled == false)
    }

    @Test func aSecretFromTheEnvironmentIsRefusedWithoutEchoingIt() {
        let found = diagnostics(trigger("event: customer.updated\nurl: https://x.example\ndescription: ${KEY}"),
                                environment: ["KEY": "sk_live_abc123"])
        #expect(found.map(short) == ["7:22: the value of `description` from the environment looks like a Stripe secret"])
        #expect(!ConfigErrors(found).rendered().contains("abc123"))
    }
}
