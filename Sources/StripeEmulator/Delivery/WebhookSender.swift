import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// Sends one webhook POST; behind a protocol so tests can answer without a socket.
public protocol WebhookSender: Sendable {
    /// POSTs `body` to `url` and returns the status answered; throws when no response came
    /// within `timeout` (connecting included). The error's description is shown to users.
    func post(url: String, headers: [(String, String)], body: [UInt8], timeout: Duration) async throws -> Int
}

/// A ``WebhookSender`` over async-http-client (the emulator's own; it does not share the
/// Stripe client's transport, so the two cannot share a bug).
public final class HTTPWebhookSender: WebhookSender {
    private let client: HTTPClient
    /// A handler's answer is read and dropped; past this it is not worth reading.
    private static let maxBody = 1 << 20

    /// Creates a sender with its own small connection pool.
    public init() {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: .seconds(10)), decompression: .disabled)
        // A refused connect fails the attempt at once (the delivery's backoff decides what
        // next) instead of the pool retrying it quietly until the connect timeout.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    deinit {
        client.shutdown { _ in }
    }

    public func post(url: String, headers: [(String, String)], body: [UInt8], timeout: Duration) async throws -> Int {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let (seconds, attoseconds) = timeout.components
        let deadline = NIODeadline.now() + .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        do {
            let response = try await client.execute(request, deadline: deadline)
            var read = 0
            for try await chunk in response.body {
                read += chunk.readableBytes
                if read > Self.maxBody { break }
            }
            return Int(response.status.code)
        } catch {
            throw DeliveryFailure(describing: error, timeout: timeout)
        }
    }
}

/// Why an attempt got no response, in words a person reads in a delivery line.
struct DeliveryFailure: Error, CustomStringConvertible {
    let description: String

    init(describing error: any Error, timeout: Duration) {
        let detail = String(describing: error)
        let text = detail.lowercased()
        if let error = error as? HTTPClientError, [.deadlineExceeded, .readTimeout, .connectTimeout].contains(error) {
            description = "timed out after \(timeout)"
        } else if text.contains("refused") {
            description = "connection refused"
        } else if text.contains("resolve") || text.contains("lookup") {
            description = "host not found"
        } else if let error = error as? HTTPClientError, error == .remoteConnectionClosed {
            description = "connection closed without a response"
        } else {
            description = String(detail.prefix(200))
        }
    }
}
