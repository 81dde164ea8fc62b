import Foundation
import StripeAPI
import StripeEmulator
import Testing

/// The emulator served over a real loopback socket (port 0) for one test.
struct LiveEmulator {
    let emulator: Emulator
    let baseURL: URL

    /// Serves a fresh emulator while `body` runs, then stops it.
    static func with<T: Sendable>(
        _ configuration: EmulatorConfiguration = .init(rateLimit: nil),
        _ body: (LiveEmulator) async throws -> T
    ) async throws -> T {
        let emulator = Emulator(configuration: configuration)
        let server = EmulatorServer(emulator: emulator, host: "127.0.0.1", port: 0, log: { _ in })
        let (addresses, continuation) = AsyncStream.makeStream(of: String.self)
        let serving = Task { try await server.run { address in continuation.yield(address) } }
        var iterator = addresses.makeAsyncIterator()
        guard let address = await iterator.next(), let url = URL(string: address) else {
            serving.cancel()
            throw CancellationError()
        }
        let result: Result<T, any Error>
        do {
            result = .success(try await body(LiveEmulator(emulator: emulator, baseURL: url)))
        } catch {
            result = .failure(error)
        }
        serving.cancel()
        _ = await serving.result
        return try result.get()
    }

    /// A client of this emulator over async-http-client, with fast retries for tests.
    func client(
        key: String = "sk_test_socket", transport: HTTPClientTransport = HTTPClientTransport(),
        retry: RetryPolicy = RetryPolicy(baseDelay: .milliseconds(5), maxDelay: .milliseconds(40), requestTimeout: .seconds(5)),
        requestsPerSecond: Double? = 0, keySource: String? = "STRIPE_API_KEY",
        onRequest: (@Sendable (StripeRequestEvent) -> Void)? = nil
    ) -> StripeClient {
        StripeClient(
            apiKey: key, apiBase: baseURL, transport: transport, keySource: keySource, retry: retry,
            requestsPerSecond: requestsPerSecond, onRequest: onRequest)
    }

    /// What the emulator holds for `key`, newest first.
    func stored(key: String = "sk_test_socket") -> [StripeEmulator.WebhookEndpoint] {
        emulator.endpoints(forKey: key) ?? []
    }
}
