import Foundation
import StripeEmulator

/// The emulator the benchmark runs against: in this process, on a loopback port, with
/// Stripe's per-account rate limiter (by default) and added latency.
struct BenchEmulator {
    let emulator: Emulator
    let address: String

    /// Starts serving and returns once the socket is bound.
    static func start(latencyMs: Int, rateLimit: RateLimit? = .stripe) async throws -> BenchEmulator {
        let emulator = Emulator(configuration: EmulatorConfiguration(
            rateLimit: rateLimit, faults: EmulatorFaults(latencyMs: latencyMs), idSeed: 1))
        let server = EmulatorServer(emulator: emulator, port: 0, log: { _ in })
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        Task {
            do { try await server.run { address in continuation.yield(address) } } catch {
                FileHandle.standardError.write(Data("emulator stopped: \(error)\n".utf8))
            }
            continuation.finish()
        }
        for await address in stream {
            return BenchEmulator(emulator: emulator, address: address)
        }
        throw BenchError("the emulator did not start")
    }

    /// Requests in the log, and how many of them were answered 429.
    var counts: (requests: Int, rateLimited: Int) {
        let log = emulator.requestLog()
        return (log.count, log.filter { $0.status == .status(429) }.count)
    }

    /// Changes the description of every other endpoint of each account, as someone
    /// editing them in the Dashboard would; returns how many were changed.
    func drift(accounts: Int) async throws -> Int {
        var changed = 0
        for account in 0..<accounts {
            let key = BenchWorkspace.key(account)
            let endpoints = emulator.endpoints(forKey: key) ?? []
            for endpoint in endpoints.enumerated().filter({ $0.offset % 2 == 0 }).map(\.element) {
                let outcome = emulator.handle(EmulatorRequest(
                    method: "POST", target: "/v1/webhook_endpoints/\(endpoint.id)",
                    headers: ["authorization": "Bearer \(key)"], body: "description=drifted"))
                guard case .respond(let response, _) = outcome, response.status == 200 else {
                    throw BenchError("drifting \(endpoint.id) failed")
                }
                changed += 1
            }
        }
        // Let every account's rate-limit bucket fill again before the timed run.
        try await Task.sleep(for: .seconds(1.1))
        emulator.clearRequestLog()
        return changed
    }
}
