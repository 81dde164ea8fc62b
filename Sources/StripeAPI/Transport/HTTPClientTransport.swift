import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// An ``HTTPTransport`` over async-http-client (SwiftNIO): one pool of keep-alive
/// connections per host, TLS with the system's trust roots, HTTP/2 where the server
/// offers it.
///
/// Create one per run, share it, and ``shutdown()`` it at the end: every account talks
/// to the same host. It replaced Foundation's URLSession, which on Linux (libcurl) lost
/// the body of about one POST in a thousand under 64 concurrent requests, leaving it to
/// its 30 s timeout while spinning a core (measured: a 50-account create took 31 s
/// instead of 0.7 s), and kept closed connections open.
///
/// No request is ever sent twice here: async-http-client does not retry, so every attempt
/// the client counts is one request on the wire, and a connection closed under a request
/// fails it at once.
public final class HTTPClientTransport: HTTPTransport {
    private let client: HTTPClient
    /// Bodies past this are not Stripe's webhook endpoint responses (a list page of 100
    /// endpoints is about 100 KB).
    private static let maxBody = 16 << 20

    /// Creates a transport with its own connection pool.
    ///
    /// - Parameters:
    ///   - maxConnectionsPerHost: connections kept open to one host: the requests in
    ///     flight the run allows, so none waits for a connection.
    ///   - readTimeout: the longest pause allowed while a response's body arrives.
    ///   - idleTimeout: how long an unused connection stays open.
    public init(maxConnectionsPerHost: Int = 64, readTimeout: Duration = .seconds(30), idleTimeout: Duration = .seconds(30)) {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(10), read: TimeAmount(readTimeout)),
            connectionPool: .init(
                idleTimeout: TimeAmount(idleTimeout),
                concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, maxConnectionsPerHost)),
            decompression: .disabled)
        configuration.httpVersion = .automatic
        // A failed connect fails its request at once, and the client's retry policy (with
        // its budget and its message) decides what next, rather than the pool retrying
        // quietly until its connect timeout: a wrong STRIPE_API_BASE fails in
        // milliseconds, not 10 s per attempt.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    deinit {
        // A transport dropped without `shutdown()` (tests) still closes its connections;
        // async-http-client insists on an explicit shutdown.
        client.shutdown { _ in }
    }

    /// Closes every connection; call once when the run is over.
    public func shutdown() async {
        try? await client.shutdown()
    }

    /// Sends `request` once; any HTTP status is returned as a response.
    ///
    /// `timeout` bounds the whole exchange, from sending to the body's last byte: a server
    /// sending a byte a second never pauses long enough for the transport's
    /// `readTimeout`, which bounds each pause, and would otherwise hold a run forever.
    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        try await withThrowingTaskGroup(of: HTTPResponse?.self) { group in
            group.addTask { try await self.exchange(request, timeout: timeout) }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let response = try await group.next() ?? nil else {
                throw TransportError.timedOut("no complete response within \(timeout)")
            }
            return response
        }
    }

    /// One exchange: the head within `timeout`, then the body.
    private func exchange(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers {
            outgoing.headers.add(name: name, value: value)
        }
        if let body = request.body {
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        do {
            let response = try await client.execute(outgoing, deadline: .now() + TimeAmount(timeout))
            let body = try await Self.collect(response.body)
            var headers: [String: String] = [:]
            for field in response.headers {
                let name = field.name.lowercased()
                headers[name] = headers[name].map { $0 + ", " + field.value } ?? field.value
            }
            return HTTPResponse(status: Int(response.status.code), headers: headers, body: Data(body.readableBytesView))
        } catch let error as TransportError {
            throw error
        } catch {
            throw Self.transportError(for: error)
        }
    }

    /// The whole body, up to ``maxBody`` bytes.
    private static func collect(_ body: HTTPClientResponse.Body) async throws -> ByteBuffer {
        var collected = ByteBuffer()
        for try await chunk in body {
            var chunk = chunk
            guard collected.readableBytes + chunk.readableBytes <= maxBody else {
                throw TransportError.connectionDropped("response body over \(maxBody) bytes")
            }
            collected.writeBuffer(&chunk)
        }
        return collected
    }

    /// Maps async-http-client's and SwiftNIO's errors onto the faults the client knows.
    static func transportError(for error: any Error) -> TransportError {
        let detail = String(describing: error)
        if error is CancellationError { return .cancelled(detail) }
        guard let error = error as? HTTPClientError else {
            // NIO's connection errors (refused, unreachable, DNS, TLS handshake) came before
            // a byte was sent; anything else, "connection reset by peer" included, broke an
            // exchange under way.
            let text = detail.lowercased()
            // A certificate the system does not trust will not be trusted on a retry.
            if text.contains("certificate") { return .invalidRequest(detail) }
            let beforeSending = ["nioconnectionerror", "refused", "unreachable", "resolve", "connecttimeout", "ssl", "tls", "handshake"]
            return beforeSending.contains(where: text.contains) ? .connectionFailed(detail) : .connectionDropped(detail)
        }
        let timedOut: [HTTPClientError] = [.deadlineExceeded, .readTimeout, .writeTimeout]
        let notConnected: [HTTPClientError] = [.connectTimeout, .tlsHandshakeTimeout, .socksHandshakeTimeout, .proxyAuthenticationRequired]
        let unsendable: [HTTPClientError] = [.invalidURL, .emptyHost, .emptyScheme, .missingSocketPath, .bodyLengthMismatch]
        if error == .cancelled { return .cancelled(detail) }
        if timedOut.contains(error) { return .timedOut(detail) }
        if notConnected.contains(error) { return .connectionFailed(detail) }
        if unsendable.contains(error) || detail.contains("unsupportedScheme") { return .invalidRequest(detail) }
        // remoteConnectionClosed, a truncated body and the like: the request may have
        // been applied, so only an idempotent retry is safe.
        return .connectionDropped(detail)
    }
}

private extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
