import Testing
@testable import ReconcileCore

@Suite struct SecretTests {
    @Test func everyPrefixIsFoundAndRedacted() {
        for prefix in SecretPattern.prefixes {
            let yaml = trigger("event: customer.updated\nurl: https://x.example\ndescription: key \(prefix)AbC123xyz")
            let found = diagnostics(yaml)
            #expect(found.map(short) == ["7:26: this looks like a Stripe secret (`\(prefix)…`); secrets must not be written in a config file"])
            let rendered = ConfigErrors(found).rendered()
            #expect(!rendered.contains("AbC123xyz"))
            #expect(rendered.contains("description: key \(prefix)*********"))
        }
    }

    @Test func secretsInCommentsAndKeysAreFoundToo() {
        let yaml = "# old key: sk_test_51Habc\nversion: 1\nworkflows: []\nwhsec_abc: 1\n"
        #expect(diagnostics(yaml).map(short) == [
            "1:12: this looks like a Stripe secret (`sk_test_…`); secrets must not be written in a config file",
            "4:1: this looks like a Stripe secret (`whsec_…`); secrets must not be written in a config file",
            "4:1: unknown key `whsec_***` in the top level",
        ])
    }

    @Test func proseMentioningAPrefixIsNotASecret() {
        #expect(SecretPattern.matches(in: "put the whsec_ value in the env; desk_test_x is a word").isEmpty)
        #expect(SecretPattern.matches(in: "a sk_live_x, b").map(\.length) == [9])
    }

    @Test func redactionKeepsColumns() {
        #expect(SecretPattern.redacted("k: rk_live_ab_9 end") == "k: rk_live_**** end")
    }
}
