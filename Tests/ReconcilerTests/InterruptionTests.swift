import Foundation
import ReconcileCore
import StripeEmulator
import Testing
@testable import Reconciler

/// A stopped run sends no new write and says so; secrets are on disk as each create answers.
@Suite struct InterruptionTests {
    let triggers = [("sync", "customer.updated"), ("dunning", "invoice.payment_failed"), ("paid", "invoice.paid")]

    @Test func aStoppedRunStartsNoWriteAndReportsIt() async throws {
        let h = EngineHarness()
        let stop = StopSwitch()
        let engine = h.engine(stop: stop)
        let planned = await engine.plan([account(triggers)])
        stop.stop(reason: "SIGINT")
        let report = await engine.apply(planned).map(\.report)
        #expect(h.writes == 0)
        guard case .failed(let message, let completed) = report.first?.outcome else {
            Issue.record("expected a failure, got \(String(describing: report.first?.outcome))")
            return
        }
        #expect(completed == 0)
        #expect(message.contains("interrupted (SIGINT) before this write was sent"))
    }

    @Test func aSecretIsOnDiskEvenWhenTheActionFailsAfterTheCreate() async throws {
        let h = EngineHarness()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("engine-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("secrets.json").path
        let secrets = try SecretsFile(path: path)
        let stop = StopSwitch()
        let base = h.engine(stop: stop)
        // The stop comes right after the create answers: the disable that follows is refused.
        let engine = Reconciliation(options: base.options, environment: base.environment, secrets: secrets) { config, key in
            StopAfterCreate(base: base.connect(config, key), stop: stop)
        }
        var config = account([("sync", "customer.updated")])
        config.workflows[0].triggers[0].enabled = false
        let report = await engine.apply(await engine.plan([config])).map(\.report)
        #expect(report.first?.outcome.name == "failed")
        let endpoint = try #require(h.endpoints.first)
        let onDisk = try SecretsFile(path: path)
        #expect(await onDisk.entry("engine/sync/customer.updated")?.secret == endpoint.secret)
        #expect(await onDisk.missing(in: try #require(report.first?.plan)).isEmpty)
    }

    @Test func missingSecretsAreTheKeptEndpointsWithoutAnEntry() async throws {
        let h = EngineHarness()
        _ = await h.run([account(triggers)])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("engine-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let secrets = try SecretsFile(path: folder.appendingPathComponent("secrets.json").path)
        let kept = try #require(h.endpoints.first { $0.metadata["reconcile_trigger"] == "sync/customer.updated" })
        await secrets.record("engine/sync/customer.updated", .init(endpoint_id: kept.id, secret: "whsec_x", url: kept.url, created: 1))
        let plan = try #require(await h.engine().plan([account(triggers)]).first?.report.plan)
        #expect(await secrets.missing(in: plan).map(\.trigger).sorted() == ["dunning/invoice.payment_failed", "paid/invoice.paid"])
    }
}

/// Throws the stop switch as soon as a create has answered.
private struct StopAfterCreate: EndpointAPI {
    var base: any EndpointAPI
    var stop: StopSwitch

    func listAll() async throws -> [ObservedEndpoint] { try await base.listAll() }
    func create(_ endpoint: DesiredEndpoint, idempotencyKey: String) async throws -> CreatedEndpoint {
        defer { stop.stop(reason: "SIGTERM") }
        return try await base.create(endpoint, idempotencyKey: idempotencyKey)
    }
    func update(endpointID: String, _ update: EndpointUpdate, idempotencyKey: String) async throws {
        try await base.update(endpointID: endpointID, update, idempotencyKey: idempotencyKey)
    }
    func delete(endpointID: String) async throws { try await base.delete(endpointID: endpointID) }
    func exists(endpointID: String) async throws -> Bool { try await base.exists(endpointID: endpointID) }
}
