import Foundation
import StripeAPI
import StripeEmulator

/// How many requests a second the emulator answers: list requests from `connections`
/// concurrent callers over as many accounts, with no latency and no rate limit, so only
/// the server (and this client, on the same cores) sets the pace. The client is
/// `reconcile`'s own transport, without its retries or rate limits.
struct ServerThroughput {
    let requests: Int
    let connections: Int

    func report() async throws -> String {
        let emulator = try await BenchEmulator.start(latencyMs: 0, rateLimit: nil)
        let transport = HTTPClientTransport(maxConnectionsPerHost: connections)
        guard let url = URL(string: emulator.address + "/v1/webhook_endpoints?limit=100") else { throw BenchError("bad emulator address") }
        let start = ContinuousClock.now
        let failures = try await withThrowingTaskGroup(of: Int.self) { group in
            for lane in 0..<connections {
                group.addTask {
                    var failures = 0
                    for index in stride(from: lane, to: requests, by: connections) {
                        let request = HTTPRequest(method: "GET", url: url, headers: ["Authorization": "Bearer \(BenchWorkspace.key(index % 1000))"])
                        let response = try await transport.send(request, timeout: .seconds(30))
                        if response.status != 200 { failures += 1 }
                    }
                    return failures
                }
            }
            return try await group.reduce(0, +)
        }
        await transport.shutdown()
        let seconds = (ContinuousClock.now - start).seconds
        return String(format: "emulator throughput: %d list requests over %d connections in %.2f s = %.0f requests/s (%d not 200); client and server share the cores",
                      requests, connections, seconds, Double(requests) / seconds, failures)
    }
}
