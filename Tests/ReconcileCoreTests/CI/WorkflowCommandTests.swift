import Testing
@testable import ReconcileCore

/// GitHub Actions annotations: file, line, column, and the runner's escaping.
@Suite struct WorkflowCommandTests {
    @Test func aDiagnosticBecomesAnAnnotationOnItsPosition() {
        let diagnostic = Diagnostic(location: ConfigLocation(file: "/repo/config/shop.yaml", line: 7, column: 16),
                                    message: "unknown key `urll`", hint: "did you mean `url`?")
        let command = WorkflowCommand.annotation(for: diagnostic, relativeTo: "/repo")
        #expect("\(command)" == "::error file=config/shop.yaml,line=7,col=16,title=reconcile::unknown key `urll`%0Ahint: did you mean `url`?")
    }

    @Test func aWholeFileErrorHasNoLine() {
        let diagnostic = Diagnostic(location: .file("./missing.yaml"), message: "no such file or folder")
        #expect("\(WorkflowCommand.annotation(for: diagnostic, relativeTo: "/repo"))" == "::error file=missing.yaml,title=reconcile::no such file or folder")
    }

    @Test func messagesAndPropertiesAreEscaped() {
        #expect(WorkflowCommand.escapeData("100% a\r\nb") == "100%25 a%0D%0Ab")
        #expect(WorkflowCommand.escapeProperty("a:b,c%") == "a%3Ab%2Cc%25")
        let diagnostic = Diagnostic(location: ConfigLocation(file: "a,b:c.yaml", line: 1, column: 2), message: "50% off\nnext")
        #expect("\(WorkflowCommand.annotation(for: diagnostic, relativeTo: "/x"))" == "::error file=a%2Cb%3Ac.yaml,line=1,col=2,title=reconcile::50%25 off%0Anext")
    }

    @Test func secretsAreRedacted() {
        let text = "\(WorkflowCommand.error("found sk_live_" + "abcdefghijklmnop and whsec_" + "abcdefghij"))"
        #expect(SecretPattern.matches(in: text).isEmpty)
        #expect(text.hasPrefix("::error title=reconcile::found "))
    }

    @Test func refusedAndFailedAccountsAreAnnotated() {
        let refused = Plan(configPath: "a.yaml", owner: "shop", actions: [], unmanaged: [], refusals: [.replaceNotAllowed(count: 1)])
        let report = RunReport(dryRun: false, accounts: [
            AccountReport(configPath: "a.yaml", owner: "shop", plan: refused, outcome: .refused),
            AccountReport(configPath: "b.yaml", owner: "web", plan: nil, outcome: .failed(message: "listing failed", completed: 0)),
            AccountReport(configPath: "c.yaml", owner: "ok", plan: nil, outcome: .applied),
        ])
        #expect(report.workflowCommands(spelling: .test).map(\.description) == [
            "::error title=reconcile::a.yaml (owner shop): refused, nothing was written: \(Refusal.replaceNotAllowed(count: 1).message(spelling: .test))",
            "::error title=reconcile::b.yaml (owner web): failed: listing failed",
        ])
    }
}
