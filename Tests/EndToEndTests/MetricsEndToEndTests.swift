import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

extension ControllerEndToEndTests {
    /// `--metrics-port`: Prometheus text at /metrics that moves with the loop, and /healthz
    /// that turns 503 when Stripe is out of reach for three intervals.
    @Suite struct MetricsEndToEndTests {
        static let triggers = [("crm", "customer.created"), ("crm", "customer.updated")]

        /// The address the loop logs once its server listens: `http://127.0.0.1:PORT`.
        func address(_ run: SpawnedReconcile) async throws -> URL {
            #expect(try await run.waitForStderr("/metrics and health"))
            let text = run.stderrSoFar()
            let start = try #require(text.range(of: "http://127.0.0.1:"))
            let port = text[start.upperBound...].prefix { $0.isNumber }
            return try #require(URL(string: "http://127.0.0.1:\(port)"))
        }

        func get(_ url: URL) async throws -> (status: Int, body: String) {
            let (data, response) = try await URLSession.shared.data(from: url)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }

        /// The value of the sample `name{labels}` (or `name` alone), 0 when absent.
        func sample(_ text: String, _ series: String) -> Double {
            for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
                return Double(line.split(separator: " ").last ?? "") ?? 0
            }
            return 0
        }

        @Test func countersMoveAndHealthFollowsTheEmulator() async throws {
            let s = try await Scenario()
            defer { s.finish() }
            try s.write(config(Self.triggers))
            let run = try s.spawn(["--watch", "--interval", "0.3", "--metrics-port", "0", "--max-retries", "0", "--request-timeout", "1"])
            let base = try await address(run)
            #expect(try await run.waitForStderr("tick 2:"))
            let first = try await get(base.appendingPathComponent("metrics"))
            #expect(first.status == 200)
            for name in ["reconcile_ticks_total", "reconcile_actions_total", "reconcile_drift_repaired_total", "reconcile_requests_total",
                         "reconcile_request_duration_seconds_bucket", "reconcile_last_success_timestamp_seconds", "reconcile_accounts"] {
                #expect(first.body.contains(name), "\(name) missing:\n\(first.body)")
            }
            #expect(sample(first.body, "reconcile_actions_total{action=\"create\"}") == 2, "\(first.body)")
            #expect(sample(first.body, "reconcile_accounts{state=\"ok\"}") == 1)
            #expect(sample(first.body, "reconcile_last_success_timestamp_seconds") > 1_700_000_000)
            #expect(try await get(base.appendingPathComponent("healthz")).status == 200)
            // Ticks go on: the counters move.
            let ticks = sample(first.body, "reconcile_ticks_total{result=\"success\"}")
            var second = first
            for _ in 0..<100 where sample(second.body, "reconcile_ticks_total{result=\"success\"}") <= ticks {
                try await Task.sleep(for: .milliseconds(100))
                second = try await get(base.appendingPathComponent("metrics"))
            }
            #expect(sample(second.body, "reconcile_ticks_total{result=\"success\"}") > ticks)
            #expect(sample(second.body, "reconcile_requests_total{status=\"200\"}") > sample(first.body, "reconcile_requests_total{status=\"200\"}"))
            // Drift made by hand and repaired under the same config counts as drift repaired.
            let id = try #require(try await s.managed()["crm/customer.created"]?.first?["id"] as? String)
            try await s.emulator.modify(key: s.key, id: id, form: "description=by%20hand")
            var repaired = 0.0
            for _ in 0..<100 where repaired < 1 {
                try await Task.sleep(for: .milliseconds(100))
                repaired = sample(try await get(base.appendingPathComponent("metrics")).body, "reconcile_drift_repaired_total")
            }
            #expect(repaired == 1)
            // Stripe out of reach: every tick fails; after three intervals /healthz says so.
            s.emulator.stop()
            var status = 200
            for _ in 0..<100 where status == 200 {
                try await Task.sleep(for: .milliseconds(100))
                status = try await get(base.appendingPathComponent("healthz")).status
            }
            #expect(status == 503)
            let failed = try await get(base.appendingPathComponent("metrics")).body
            #expect(sample(failed, "reconcile_ticks_total{result=\"failed\"}") >= 1, "\(failed)")
            run.send(SIGTERM)
            let result = await run.wait()
            // The last tick failed (Stripe unreachable): the loop ends with its code.
            #expect(result.status == 1, "\(result.all)")
        }

        @Test func metricsPortNeedsWatch() async throws {
            let result = try await runReconcile(["--emulator", "--metrics-port", "9464"])
            #expect(result.status == 64, "\(result.all)")
            #expect(result.stderr.contains("--metrics-port goes with --watch"))
        }
    }
}
