import Foundation
import Testing

extension ControllerEndToEndTests {
    /// `--watch` as a controller: it follows the config files as they change, keeps the last
    /// valid config through a broken edit, stays quiet when there is nothing to do, and
    /// stops on SIGTERM with the code systemd and Kubernetes expect.
    @Suite struct WatchEndToEndTests {
        static let first = [("crm", "customer.created"), ("crm", "customer.updated")]
        static let added = first + [("billing", "invoice.paid")]

        /// Waits until the account holds exactly `triggers`; whether it did within `seconds`.
        func converge(_ s: Scenario, to triggers: [(String, String)], seconds: Double = 30) async throws -> Bool {
            let end = ContinuousClock.now + .seconds(seconds)
            while ContinuousClock.now < end {
                if try await s.divergence(from: triggers) == [] { return true }
                try await Task.sleep(for: .milliseconds(100))
            }
            return false
        }

        @Test func picksUpATriggerAddedToTheFile() async throws {
            let s = try await Scenario()
            defer { s.finish() }
            try s.write(config(Self.first))
            let run = try s.spawn(["--watch", "--interval", "0.3"])
            #expect(try await converge(s, to: Self.first))
            // As a `git pull` or a ConfigMap update would: the file changes under the loop.
            try s.write(config(Self.added))
            #expect(try await converge(s, to: Self.added), "the added trigger was not created")
            run.send(SIGTERM)
            let result = await run.wait()
            #expect(result.status == 0, "\(result.all)")
            #expect(result.stdout.contains("billing/invoice.paid"), "the tick with the change prints its plan")
        }

        @Test func survivesAnInvalidEditAndRecoversAfterTheFix() async throws {
            let s = try await Scenario()
            defer { s.finish() }
            try s.write(config(Self.first))
            let run = try s.spawn(["--watch", "--interval", "0.3"])
            #expect(try await converge(s, to: Self.first))
            // A broken edit that would also add a trigger: nothing of it may be sent.
            try s.write(config(Self.added + [("billing", "invoice.no_such_event")]))
            #expect(try await run.waitForStderr("the config is invalid"))
            // Meanwhile the last valid config is still applied: drift made by hand is repaired.
            let endpoint = try #require(try await s.managed()["crm/customer.created"]?.first)
            let id = try #require(endpoint["id"] as? String)
            try await s.emulator.modify(key: s.key, id: id, form: "url=https%3A%2F%2Fdrifted.example.com%2Fx")
            #expect(try await converge(s, to: Self.first), "the last valid config was not applied while the new one was invalid")
            #expect(try await s.managed()["billing/invoice.paid"] == nil, "a trigger of the invalid config was created")
            // Fixed: the next tick applies it.
            try s.write(config(Self.added))
            #expect(try await converge(s, to: Self.added))
            #expect(try await run.waitForStderr("the config is valid again"))
            run.send(SIGTERM)
            let result = await run.wait()
            #expect(result.status == 0, "\(result.all)")
            // The errors are reported with their place, once while they stay the same.
            let diagnostic = "invoice.no_such_event"
            #expect(result.stderr.components(separatedBy: "stripe-webhooks.yaml:").count > 1, "\(result.stderr)")
            #expect(result.stderr.contains(diagnostic), "\(result.stderr)")
            let warnings = result.stderr.components(separatedBy: "the config is invalid").count - 1
            let reports = result.stderr.components(separatedBy: "nothing was sent to Stripe").count - 1
            #expect(reports == 1, "diagnostics shown \(reports) times over \(warnings) invalid ticks")
        }

        @Test func printsNothingOnStdoutOverTicksWithNoChanges() async throws {
            let s = try await Scenario()
            defer { s.finish() }
            try s.write(config(Self.first))
            let once = try await s.reconcile()
            #expect(once.status == 0, "\(once.all)")
            let run = try s.spawn(["--watch", "--interval", "0.2"])
            #expect(try await run.waitForStderr("tick 4:"))
            run.send(SIGTERM)
            let result = await run.wait()
            #expect(result.status == 0, "\(result.all)")
            #expect(result.stdout.isEmpty, "stdout: \(result.stdout)")
            // One line per tick, and the stop.
            let lines = result.stderr.split(separator: "\n")
            let ticks = lines.filter { $0.contains("tick ") }
            #expect(ticks.count >= 4)
            #expect(ticks.allSatisfy { $0.contains(": no changes") }, "\(result.stderr)")
            #expect(lines.count <= ticks.count + 1, "\(result.stderr)")
        }

        /// A signing secret that cannot be fetched is said once, not at every tick.
        @Test func warnsOfAMissingSecretOnce() async throws {
            let s = try await Scenario()
            defer { s.finish() }
            try s.write(config(Self.first))
            // Created without --secrets-out: their secrets are gone for good.
            let once = try await s.reconcile()
            #expect(once.status == 0, "\(once.all)")
            let secrets = s.folder.appendingPathComponent("secrets.json").path
            let run = try s.spawn(["--watch", "--interval", "0.2", "--secrets-out", secrets])
            #expect(try await run.waitForStderr("tick 3:"))
            run.send(SIGTERM)
            let result = await run.wait()
            #expect(result.status == 0, "\(result.all)")
            for (workflow, event) in Self.first {
                let warnings = result.stderr.components(separatedBy: "no signing secret for \(workflow)/\(event) (").count - 1
                #expect(warnings == 1, "\(result.stderr)")
            }
        }

        /// SIGTERM between ticks: 0 at once, without waiting for the next tick.
        @Test func sigtermBetweenTicksExitsZero() async throws {
            let s = try await Scenario()
            defer { s.finish() }
            try s.write(config(Self.first))
            let run = try s.spawn(["--watch", "--interval", "60"])
            #expect(try await run.waitForStderr("tick 1:"))
            let start = ContinuousClock.now
            run.send(SIGTERM)
            let result = await run.wait()
            #expect(result.status == 0, "\(result.all)")
            #expect(ContinuousClock.now - start < .seconds(30))
        }

        /// SIGTERM inside a tick with nothing to write: the tick ends and so does the loop, with 0.
        @Test func sigtermInsideANoOpTickExitsZero() async throws {
            let s = try await Scenario(emulatorArguments: ["--latency-ms", "1500"])
            defer { s.finish() }
            try s.write(config(Self.first))
            let once = try await s.reconcile()
            #expect(once.status == 0, "\(once.all)")
            let run = try s.spawn(["--watch", "--interval", "0.1"])
            // Tick 2 starts about 0.1 s after tick 1's line and lists for 1.5 s: the signal lands in it.
            #expect(try await run.waitForStderr("tick 1:"))
            try await Task.sleep(for: .milliseconds(600))
            run.send(SIGTERM)
            let result = await run.wait()
            #expect(result.status == 0, "\(result.all)")
            let stopped = try #require(result.stderr.range(of: "SIGTERM: starting no new write"))
            let tick2 = try #require(result.stderr.range(of: "tick 2: no changes"), "\(result.stderr)")
            #expect(stopped.lowerBound < tick2.lowerBound, "the signal did not land inside tick 2")
        }

        /// SIGTERM inside a tick whose writes are still to send: they are reported undone, exit 1.
        @Test func sigtermInsideATickWithWritesUndoneExitsOne() async throws {
            let s = try await Scenario(emulatorArguments: ["--latency-ms", "1500"])
            defer { s.finish() }
            try s.write(config(Self.first))
            let once = try await s.reconcile()
            #expect(once.status == 0, "\(once.all)")
            let run = try s.spawn(["--watch", "--interval", "1"])
            #expect(try await run.waitForStderr("tick 1:"))
            // Tick 2 (0.9 to 1.1 s later) reads a trigger more, lists for 1.5 s, then would create it:
            // the signal lands while it lists, so the create is never sent.
            try s.write(config(Self.added))
            try await Task.sleep(for: .milliseconds(1600))
            run.send(SIGTERM)
            let result = await run.wait()
            #expect(result.status == 1, "\(result.all)")
            #expect(result.stdout.contains("interrupted (SIGTERM)"), "\(result.all)")
            #expect(try await s.managed()["billing/invoice.paid"] == nil)
        }
    }
}
