import Foundation
import Testing

/// `reconcile validate` and `reconcile events`, run as the built binary.
@Suite struct ConfigCommandsTests {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The built executable: beside the test bundle, else in `.build/debug`.
    private static var executable: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("reconcile")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while folder.path != "/", !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("reconcile").path) {
            folder.deleteLastPathComponent()
        }
        let found = folder.appendingPathComponent("reconcile")
        return FileManager.default.isExecutableFile(atPath: found.path) ? found : root.appendingPathComponent(".build/debug/reconcile")
    }

    private func reconcile(_ arguments: String...) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = Self.root
        process.environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func validExamplesPrintOneLineEach() throws {
        let run = try reconcile("validate", "--config", "examples/mesa-store.yaml", "--config", "examples/agency")
        #expect(run.status == 0)
        #expect(run.stdout == """
            examples/mesa-store.yaml: ok (key $STRIPE_API_KEY, owner mesa-store, 4 workflows, 7 triggers (1 disabled))
            examples/agency/acme-bikes.yaml: ok (key $ACME_BIKES_STRIPE_KEY, owner agency-acme-bikes, test mode, 1 workflow, 2 triggers)
            examples/agency/bloom-florist.yaml: ok (key $BLOOM_FLORIST_STRIPE_KEY, owner agency-bloom-florist, 1 workflow, 3 triggers)

            """)
        #expect(run.stderr.isEmpty)
    }

    @Test func invalidFilesExitThreeWithEveryError() throws {
        let run = try reconcile("validate", "--config", "Tests/ReconcileCoreTests/Invalid/unknown-key.yaml",
                                "--config", "Tests/ReconcileCoreTests/Invalid/secret-literal.yaml", "--config", "missing.yaml")
        #expect(run.status == 3)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("Tests/ReconcileCoreTests/Invalid/unknown-key.yaml:7:9: error: unknown key `ulr` in a trigger\n"))
        #expect(run.stderr.contains("missing.yaml: error: no such file or folder"))
        #expect(run.stderr.contains("secret-literal.yaml:4:16: error: this looks like a Stripe secret"))
        #expect(!run.stderr.contains("51HxYz"), "the secret was printed")
        #expect(!run.stderr.contains("Error:"))
        #expect(!run.stderr.contains("\u{1B}["), "colour despite NO_COLOR")
        #expect(run.stderr.hasSuffix("3 errors in 3 files; nothing was sent to Stripe\n"))
    }

    /// The core names the way out; the hints type it as `reconcile` is typed, and the flags
    /// they name are the ones that accept the file.
    @Test func hintsTypeTheFlagsThatAcceptMore() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let newer = folder.appendingPathComponent("newer.yaml"), wrong = folder.appendingPathComponent("wrong.yaml")
        try """
            version: 1
            stripe:
              api_version: 2027-01-01.fig
            workflows:
              - name: wf
                triggers:
                  - event: customer.teleported
                    url: https://hooks.example.com/a

            """.write(to: newer, atomically: true, encoding: .utf8)
        try """
            version: 1
            workflows:
              - name: wf
                triggers:
                  - event: "*"
                    url: https://hooks.example.com/a
                    secret: abc

            """.write(to: wrong, atomically: true, encoding: .utf8)
        let refused = try reconcile("validate", newer.path, wrong.path)
        #expect(refused.status == 3)
        for hint in ["If Stripe released it after this build, pass --allow-unknown-api-versions\n",
                     "If Stripe added it after this build, pass --allow-unknown-events\n",
                     "hint: declare one trigger per event the workflow needs; `reconcile events WORD` lists them\n",
                     "hint: Stripe makes an endpoint's signing secret when it is created; `--secrets-out FILE` saves it\n"] {
            #expect(refused.stderr.contains(hint), "\(hint)in \(refused.stderr)")
        }
        let accepted = try reconcile("validate", "--allow-unknown-events", "--allow-unknown-api-versions", newer.path)
        #expect(accepted.status == 0, "\(accepted.stderr)")
    }

    @Test func missingDefaultFileIsExplained() throws {
        let run = try reconcile("validate", "--config", "Tests")
        #expect(run.status == 3)
        #expect(run.stderr.hasPrefix("Tests: error: the folder has no *.yaml or *.yml file"))
    }

    @Test func eventsListsAndFilters() throws {
        let all = try reconcile("events")
        #expect(all.status == 0)
        #expect(all.stdout.split(separator: "\n").count == 275)
        let filtered = try reconcile("events", "subscription", "updated")
        #expect(filtered.stdout == "customer.subscription.updated\n")
    }

    @Test func eventsWithoutMatchSuggestsAndExitsOne() throws {
        let run = try reconcile("events", "customr.updated")
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "no known event type matches `customr.updated`; did you mean:\n  customer.updated\n")
    }

    @Test func versionNamesTheToolAndTheNewestBundledAPIVersion() throws {
        let versions = try String(contentsOf: Self.root.appendingPathComponent("data/stripe/api-versions.txt"), encoding: .utf8)
        let newest = try #require(versions.split(separator: "\n").last)
        let run = try reconcile("--version")
        #expect(run.status == 0)
        #expect(run.stdout.wholeMatch(of: /reconcile \d+\.\d+\.\d+(-[0-9A-Za-z.-]+)? \(stripe api (.+)\)\n/)?.output.2 == newest)
        #expect(run.stderr.isEmpty)
    }
}
