import Foundation
import ReconcileCore
@testable import Reconciler

/// An `EndpointAPI` that records when each call starts and ends, takes `delay` per call,
/// and fails the calls `fails` picks: for asserting the applier's order and parallelism.
struct RecordingAPI: EndpointAPI {
    struct Failed: Error {}

    let journal = Journal()
    var delay: Duration = .milliseconds(5)
    var fails: @Sendable (String) -> Bool = { _ in false }

    func listAll() async throws -> [ObservedEndpoint] { [] }

    func create(_ endpoint: DesiredEndpoint, idempotencyKey: String) async throws -> CreatedEndpoint {
        try await call("create \(endpoint.url)")
        return CreatedEndpoint(id: "we_new_\(endpoint.url)", secret: "whsec_x", url: endpoint.url, created: 1)
    }

    func update(endpointID: String, _ update: EndpointUpdate, idempotencyKey: String) async throws {
        try await call(update.disabled == true ? "disable \(endpointID)" : "update \(endpointID)")
    }

    func delete(endpointID: String) async throws {
        try await call("delete \(endpointID)")
    }

    func exists(endpointID: String) async throws -> Bool { true }

    private func call(_ name: String) async throws {
        journal.record(.start(name))
        defer { journal.record(.end(name)) }
        if fails(name) { throw Failed() }
        try await Task.sleep(for: delay)
    }

    /// Calls as they started and ended, in order.
    final class Journal: @unchecked Sendable {
        enum Event: Equatable {
            case start(String)
            case end(String)
        }

        private let lock = NSLock()
        private var log: [Event] = []

        func record(_ event: Event) {
            lock.lock()
            defer { lock.unlock() }
            log.append(event)
        }

        var events: [Event] {
            lock.lock()
            defer { lock.unlock() }
            return log
        }

        /// Names of calls in the order they started.
        var started: [String] {
            events.compactMap { if case .start(let name) = $0 { name } else { nil } }
        }

        /// Position of the start or end of `name` in the journal.
        func index(of event: Event) -> Int? {
            events.firstIndex(of: event)
        }

        /// The most calls in flight at any moment.
        var maxInFlight: Int {
            var current = 0
            var most = 0
            for event in events {
                if case .start = event { current += 1 } else { current -= 1 }
                most = max(most, current)
            }
            return most
        }
    }
}
