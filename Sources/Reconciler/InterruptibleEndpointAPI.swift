import ReconcileCore

/// An ``EndpointAPI`` that refuses to start a write once its ``StopSwitch`` is thrown.
///
/// Reads still go through, and a write already sent is left to finish: an interrupted
/// run stops between requests, so whatever it did is whole and the next run, which
/// plans from what it finds, picks up the rest.
public struct InterruptibleEndpointAPI: EndpointAPI {
    public var base: any EndpointAPI
    public var stop: StopSwitch

    public init(_ base: any EndpointAPI, stop: StopSwitch) {
        self.base = base
        self.stop = stop
    }

    public func listAll() async throws -> [ObservedEndpoint] {
        try await base.listAll()
    }

    public func create(_ endpoint: DesiredEndpoint, idempotencyKey: String) async throws -> CreatedEndpoint {
        try check()
        return try await base.create(endpoint, idempotencyKey: idempotencyKey)
    }

    public func update(endpointID: String, _ update: EndpointUpdate, idempotencyKey: String) async throws {
        try check()
        try await base.update(endpointID: endpointID, update, idempotencyKey: idempotencyKey)
    }

    public func delete(endpointID: String) async throws {
        try check()
        try await base.delete(endpointID: endpointID)
    }

    public func exists(endpointID: String) async throws -> Bool {
        try await base.exists(endpointID: endpointID)
    }

    private func check() throws(RunInterrupted) {
        if let reason = stop.reason { throw RunInterrupted(reason: reason) }
    }
}
