import Foundation
import Testing
@testable import ReconcileCore

/// Values from Stripe or a file that hold terminal control sequences are printed escaped:
/// a plan cannot retitle the reader's window, clear the screen or overprint a line.
@Suite struct TerminalInjectionTests {
    static let hostile = "https://x.example/\u{1B}]0;pwned\u{07}\u{1B}[2J\rfake\u{9B}31m\u{202E}gnp"

    /// A drifted managed endpoint, an orphan and an unmanaged one, every Stripe-side
    /// string holding control characters.
    static func report() -> RunReport {
        let trigger = Fixture.trigger("wf", "customer.updated")
        var drifted = Fixture.endpoint(for: trigger, id: "we_1\u{1B}[2J", created: 1)
        drifted.url = hostile
        drifted.description = "desc\u{1B}]8;;http://evil\u{07}"
        drifted.metadata["x\u{1B}[1m"] = "v\r\n\u{7F}"
        let unmanaged = Fixture.unmanaged(id: "we_u\u{1B}]0;t\u{07}", url: hostile, events: ["*"])
        let plan = Planner.plan(config: Fixture.config([trigger]), observed: [drifted, unmanaged])
        return RunReport(dryRun: true, accounts: [
            AccountReport(configPath: "shop\u{1B}[2J.yaml", owner: "shop", plan: plan, outcome: .failed(message: "Stripe said \u{1B}]0;x\u{07}", completed: 0)),
        ])
    }

    private func controls(_ text: String) -> [String] {
        text.unicodeScalars.filter { TerminalText.isControl($0) && $0 != "\n" }.map { String($0.value, radix: 16) }
    }

    @Test func textPlansEscapeControlCharacters() {
        let text = TextRenderer(spelling: .test).render(Self.report()) + TextRenderer(spelling: .test).renderResults(Self.report())
        #expect(controls(text).isEmpty, "\(controls(text))")
        #expect(text.contains(#"\u{1B}]0;pwned\u{7}\u{1B}[2J\rfake"#), "\(text)")
    }

    @Test func markdownPlansEscapeControlCharacters() {
        let markdown = MarkdownRenderer.render(Self.report(), spelling: .test)
        #expect(controls(markdown).isEmpty, "\(controls(markdown))")
        #expect(markdown.contains(#"\r\n\u{7F}"#), "\(markdown)")
    }

    @Test func diagnosticsEscapeControlCharacters() {
        let diagnostic = Diagnostic(location: ConfigLocation(file: "a\u{1B}[2J.yaml", line: 1, column: 3),
                                    message: "unknown key `\u{1B}]0;x\u{07}`", hint: "h\r", sourceLine: "\t\u{1B}[2J: 1")
        let rendered = diagnostic.rendered()
        #expect(controls(rendered).filter { $0 != "9" }.isEmpty, "\(rendered)")
    }

    @Test func plainTextIsUnchanged() {
        #expect(TerminalText.escaped("https://hooks.example.com/ünï → ok") == "https://hooks.example.com/ünï → ok")
    }
}

/// `reconcile export` prints Stripe's values as YAML: escaped there too, and read back the same.
@Suite struct ExportInjectionTests {
    @Test func exportedYAMLHoldsNoControlCharacterAndRoundTrips() throws {
        let value = "v\u{1B}]0;t\u{07}\u{7F}\u{9B}2J\u{202E}x"
        var endpoint = Fixture.endpoint(for: Fixture.trigger("wf", "customer.updated", metadata: ["team": value]), id: "we_1", owner: "shop")
        endpoint.metadata["k\u{1B}[2J"] = "sk_live_\(String(repeating: "a", count: 24))"
        let yaml = ConfigExporter.export([endpoint], settings: StripeSettings(owner: "shop"), includeUnmanaged: false)
        #expect(!yaml.unicodeScalars.contains { TerminalText.isControl($0) && $0 != "\n" }, "\(yaml.debugDescription)")
        guard case .success(let config) = ConfigLoader.load(text: yaml, path: "x.yaml", environment: [:], options: .init(spelling: .test, allowUnknownEvents: true)) else {
            Issue.record("the export does not load: \(yaml)")
            return
        }
        #expect(config.triggers.first?.metadata["team"] == value)
    }
}
