import Foundation
import Testing

extension ControllerEndToEndTests {
    /// Logs on stderr: JSON lines a collector can parse, with the fields an operator filters
    /// on, never a key or a secret; retries at warning level; `--quiet` and `--verbose`.
    @Suite struct LogEndToEndTests {
        static let triggers = [("crm", "customer.created"), ("crm", "customer.updated"), ("billing", "invoice.paid")]

        /// Every stderr line as a JSON object; records an issue for a line that is not one.
        func jsonLines(_ stderr: String, sourceLocation: SourceLocation = #_sourceLocation) -> [[String: Any]] {
            stderr.split(separator: "\n").compactMap { line in
                guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
                    Issue.record("not a JSON object: \(line)", sourceLocation: sourceLocation)
                    return nil
                }
                return object
            }
        }

        /// No line of output carries a key, a restricted key or a signing secret, not even redacted.
        func expectNoSecrets(_ output: String, sourceLocation: SourceLocation = #_sourceLocation) {
            for line in output.split(separator: "\n") {
                for marker in ["sk_", "rk_", "whsec_"] where line.contains(marker) {
                    Issue.record("\(marker) in: \(line)", sourceLocation: sourceLocation)
                }
            }
        }

        @Test func jsonLinesCarryTheFieldsAndNoSecret() async throws {
            let s = try await Scenario()
            defer { s.finish() }
            try s.write(config(Self.triggers))
            let secrets = s.folder.appendingPathComponent("secrets.json")
            let result = try await s.reconcile(["--log-format", "json", "--verbose", "--secrets-out", secrets.path])
            #expect(result.status == 0, "\(result.all)")
            let lines = jsonLines(result.stderr)
            for line in lines {
                #expect(line["level"] is String && line["time"] is String && line["message"] is String, "\(line)")
            }
            let requests = lines.filter { $0["message"] as? String == "request" }
            #expect(requests.count == 1 + Self.triggers.count, "a list and a create per trigger")
            for request in requests {
                #expect(request["level"] as? String == "debug")
                for field in ["account", "method", "path", "status", "attempt", "duration_ms", "request_id"] {
                    #expect(request[field] != nil, "\(field) missing in \(request)")
                }
                #expect(request["status"] as? Int == 200)
                #expect((request["request_id"] as? String)?.hasPrefix("req_") == true)
            }
            let applied = lines.filter { $0["message"] as? String == "applied" }
            #expect(applied.count == Self.triggers.count)
            for line in applied {
                #expect(line["action"] as? String == "create")
                #expect((line["endpoint_id"] as? String)?.hasPrefix("we_") == true)
                #expect(line["trigger"] is String && line["account"] is String)
            }
            // The secrets went to the file, and nowhere else.
            #expect(FileManager.default.fileExists(atPath: secrets.path))
            expectNoSecrets(result.all)
        }

        @Test func retriesAreWarnings() async throws {
            let s = try await Scenario(emulatorArguments: ["--faults", "503=0.5", "--faults-writes-only", "--fault-seed", "7"])
            defer { s.finish() }
            try s.write(config(Self.triggers))
            let result = try await s.reconcile(["--log-format", "json", "--max-retries", "10", "--retry-base-delay", "0.005", "--retry-max-time", "20"])
            #expect(result.status == 0, "\(result.all)")
            let retries = jsonLines(result.stderr).filter { $0["message"] as? String == "request failed; retrying" }
            #expect(!retries.isEmpty, "\(result.stderr)")
            for retry in retries {
                #expect(retry["level"] as? String == "warning")
                #expect(retry["status"] as? Int == 503)
                #expect(retry["attempt"] is Int && retry["retry_in_ms"] is Int)
            }
            // Without --verbose, a request that went well is not logged.
            #expect(!result.stderr.contains("\"message\":\"request\""))
            expectNoSecrets(result.all)
        }

        @Test func quietLeavesOnlyThePlan() async throws {
            let s = try await Scenario()
            defer { s.finish() }
            try s.write(config(Self.triggers))
            let result = try await s.reconcile(["--quiet"])
            #expect(result.status == 0, "\(result.all)")
            #expect(result.stderr.isEmpty, "\(result.stderr)")
            #expect(result.stdout.contains("crm/customer.created"))
        }

        @Test func verboseAndQuietContradict() async throws {
            let result = try await runReconcile(["--verbose", "--quiet", "--emulator"])
            #expect(result.status == 64, "\(result.all)")
            #expect(result.stderr.contains("--verbose and --quiet"))
        }

        /// A controller's JSON log: a line per tick, with its result.
        @Test func watchTicksAreJSONLines() async throws {
            let s = try await Scenario()
            defer { s.finish() }
            try s.write(config(Self.triggers))
            let run = try s.spawn(["--watch", "--interval", "0.2", "--log-format", "json"])
            #expect(try await run.waitForStderr("\"tick\":3"))
            run.send(SIGTERM)
            let result = await run.wait()
            #expect(result.status == 0, "\(result.all)")
            let ticks = jsonLines(result.stderr).filter { $0["tick"] != nil && $0["result"] != nil }
            #expect(ticks.first?["result"] as? String == "changes")
            #expect(ticks.dropFirst().allSatisfy { $0["result"] as? String == "success" }, "\(ticks)")
            expectNoSecrets(result.all)
        }
    }
}
