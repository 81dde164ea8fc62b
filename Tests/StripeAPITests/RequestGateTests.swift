import Foundation
import StripeAPI
import Testing

/// The run-wide bound on requests in flight.
@Suite struct RequestGateTests {
    @Test func neverLetsMoreThanTheLimitThrough() async throws {
        let gate = RequestGate(limit: 3)
        let counter = InFlight()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await gate.withSlot {
                        counter.change(+1)
                        try await Task.sleep(for: .milliseconds(2))
                        counter.change(-1)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(counter.most == 3)
        #expect(counter.now == 0)
    }

    @Test func aCancelledWaiterStopsWaitingAndTakesNoSlot() async throws {
        let gate = RequestGate(limit: 1)
        try await gate.acquire()
        let waiter = Task { try await gate.acquire() }
        try await Task.sleep(for: .milliseconds(20))
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        // The slot held is still the only one: releasing it lets exactly one more in.
        await gate.release()
        try await gate.acquire()
    }

    @Test func theGatedTransportSendsThroughItsBase() async throws {
        let transport = GatedTransport(ScriptedTransport([.json(200, Fixtures.endpoint("we_1"))]), gate: RequestGate(limit: 1))
        let response = try await transport.send(
            HTTPRequest(method: "GET", url: URL(string: "https://api.stripe.com/v1/webhook_endpoints/we_1")!, headers: [:], body: nil),
            timeout: .seconds(1))
        #expect(response.status == 200)
    }
}

/// Counts calls in flight and the most at once.
private final class InFlight: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var now = 0
    private(set) var most = 0

    func change(_ delta: Int) {
        lock.withLock {
            now += delta
            most = max(most, now)
        }
    }
}
