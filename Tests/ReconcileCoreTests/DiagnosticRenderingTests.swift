import Testing
@testable import ReconcileCore

@Suite struct DiagnosticRenderingTests {
    @Test func rendersLikeACompiler() {
        let yaml = trigger("event: customer.updated\nulr: https://x.example\nurl: https://x.example")
        guard case .failure(let errors) = load(yaml) else { Issue.record("expected errors"); return }
        #expect(errors.rendered() == """
            test.yaml:6:9: error: unknown key `ulr` in a trigger
                    ulr: https://x.example
                    ^
            hint: did you mean `url`?

            1 error in 1 file; nothing was sent to Stripe
            """)
    }

    @Test func secretsAreRedactedInTheQuotedLine() {
        guard case .failure(let errors) = load("version: 1\nworkflows: []\n# sk_live_4eC39HqLyjWDarjtT1zdp7dc\n") else {
            Issue.record("expected errors"); return
        }
        #expect(errors.rendered() == """
            test.yaml:3:3: error: this looks like a Stripe secret (`sk_live_…`); secrets must not be written in a config file
            # sk_live_************************
              ^
            hint: remove it from the file (and rotate it if it was committed); the API key is read from the environment variable named by `stripe.api_key_env`

            1 error in 1 file; nothing was sent to Stripe
            """)
    }

    @Test func colourOnlyWhenAsked() {
        let diagnostic = Diagnostic(location: ConfigLocation(file: "f", line: 1, column: 2), message: "m", hint: "h", sourceLine: "ab")
        #expect(diagnostic.rendered() == "f:1:2: error: m\nab\n ^\nhint: h")
        #expect(diagnostic.rendered(style: TextStyle(enabled: true)).contains("\u{1B}[1;31merror:\u{1B}[0m"))
    }

    @Test func tabsInTheSourceLineKeepTheCaretAligned() {
        let diagnostic = Diagnostic(location: ConfigLocation(file: "f", line: 1, column: 3), message: "m", sourceLine: "\tab")
        #expect(diagnostic.rendered() == "f:1:3: error: m\n\tab\n\t ^")
    }

    @Test func wholeFileErrorsHaveNoPosition() {
        #expect(Diagnostic(location: .file("dir/x.yaml"), message: "no such file or folder").rendered() == "dir/x.yaml: error: no such file or folder")
    }

    @Test func longLinesAreCutAroundTheColumn() {
        let line = String(repeating: "a", count: 500) + "X" + String(repeating: "b", count: 500)
        let diagnostic = Diagnostic(location: ConfigLocation(file: "f", line: 1, column: 501), message: "m", sourceLine: line)
        let rendered = diagnostic.rendered().split(separator: "\n").map(String.init)
        #expect(rendered[1] == "…" + String(repeating: "a", count: 60) + "X" + String(repeating: "b", count: 59) + "…")
        #expect(rendered[2] == String(repeating: " ", count: 61) + "^")
    }
}
