import Foundation
import Testing

/// In GitHub Actions (`GITHUB_ACTIONS=true`), config errors, refusals and failures are
/// also annotations, and the markdown plan goes to the step summary; elsewhere, none of it.
@Suite struct GitHubActionsEndToEndTests {
    static let invalid = """
        version: 1
        stripe:
          owner: e2e
        workflows:
          - name: sync
            triggers:
              - event: customer.updatd
                url: https://hooks.example.com/a
              - event: invoice.paid
                urll: https://hooks.example.com/b

        """
    static let outside = ["GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": ""]

    @Test func everyConfigErrorIsAnAnnotationOnItsFileLineAndColumn() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.invalid.write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let path = folder.appendingPathComponent("bad.yaml").path
        let result = try await runReconcile(["validate", "--config", path], environment: ["GITHUB_ACTIONS": "true"], directory: folder)
        #expect(result.status == 3, "\(result.all)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        // `PATH:LINE:COL: error: MESSAGE` as printed, each matched by one annotation.
        let errors = lines.compactMap { line -> (String, String, String)? in
            guard line.hasPrefix(path + ":"), let range = line.range(of: ": error: ") else { return nil }
            let position = line[line.index(line.startIndex, offsetBy: path.count + 1)..<range.lowerBound].split(separator: ":")
            return (String(position[0]), String(position[1]), String(line[range.upperBound...]))
        }
        let annotations = lines.filter { $0.hasPrefix("::error ") }
        #expect(errors.count >= 2)
        #expect(annotations.count == errors.count)
        for (line, column, message) in errors {
            #expect(annotations.contains { $0.hasPrefix("::error file=bad.yaml,line=\(line),col=\(column),title=reconcile::\(message)") },
                    "no annotation for \(line):\(column) \(message) in \(annotations)")
        }
        // The hint follows on the same line, the newline escaped as GitHub does.
        #expect(annotations.contains { $0.contains("%0Ahint: did you mean") })
        #expect(annotations.allSatisfy { !$0.dropFirst(2).contains("\n") })

        let plain = try await runReconcile(["validate", "--config", path], environment: Self.outside, directory: folder)
        #expect(plain.status == 3)
        #expect(!plain.all.contains("::error"))
    }

    @Test func refusalsAreAnnotatedAndThePlanGoesToTheStepSummary() async throws {
        let s = try await Scenario()
        defer { s.finish() }
        try s.write(config([("sync", "customer.updated")], stripe: "  mode: live\n"))
        let summary = s.folder.appendingPathComponent("summary.md")
        try "earlier step\n".write(to: summary, atomically: true, encoding: .utf8)
        let result = try await s.reconcile(["--dry-run"], environment: ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summary.path])
        #expect(result.status == 4, "\(result.all)")
        #expect(result.stderr.contains("::error title=reconcile::\(s.folder.appendingPathComponent("stripe-webhooks.yaml").path) (owner e2e): refused, nothing was written: the key in STRIPE_API_KEY is a test-mode key"))
        #expect(!result.stdout.contains("::error"), "stdout stays the plan alone")
        let written = try String(contentsOf: summary, encoding: .utf8)
        #expect(written.hasPrefix("earlier step\n### reconcile plan\n"))
        #expect(written.contains("> **Refused:**"))

        try s.write(config([("sync", "customer.updated")]))
        let applied = try await s.reconcile([], environment: ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summary.path])
        #expect(applied.status == 0, "\(applied.all)")
        #expect(!applied.stderr.contains("::error"))
        #expect(try String(contentsOf: summary, encoding: .utf8).contains("### reconcile apply\n"))
        #expect(!(try String(contentsOf: summary, encoding: .utf8)).contains(s.key))
    }

    @Test func outsideGitHubActionsNothingIsAddedAndTheSummaryIsUntouched() async throws {
        let s = try await Scenario()
        defer { s.finish() }
        try s.write(config([("sync", "customer.updated")], stripe: "  mode: live\n"))
        let summary = s.folder.appendingPathComponent("summary.md")
        try "earlier step\n".write(to: summary, atomically: true, encoding: .utf8)
        let result = try await s.reconcile(["--dry-run"], environment: ["GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": summary.path])
        #expect(result.status == 4)
        #expect(!result.all.contains("::error"))
        #expect(try String(contentsOf: summary, encoding: .utf8) == "earlier step\n")
    }
}
