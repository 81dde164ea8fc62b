import Foundation
import Testing
@testable import StripeAPI

/// The transport over a real socket to a server that never answers: the request timeout
/// and cancellation bound it, whatever the pool does.
@Suite struct HTTPClientTransportTests {
    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let server = try SilentServer()
        defer { server.close() }
        let transport = HTTPClientTransport()
        let request = HTTPRequest(method: "POST", url: server.url, headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data("a=b".utf8))
        let start = ContinuousClock.now
        let error = await #expect(throws: TransportError.self) { try await transport.send(request, timeout: .milliseconds(300)) }
        #expect(error?.description.contains("timed out") == true, "\(String(describing: error))")
        // Far above the 300 ms asked for: a loaded shared machine takes seconds to
        // schedule it; a transport ignoring its timeout would never return.
        #expect(ContinuousClock.now - start < .seconds(20))
    }

    @Test func cancellationEndsAHungRequest() async throws {
        let server = try SilentServer()
        defer { server.close() }
        let transport = HTTPClientTransport()
        let request = HTTPRequest(method: "GET", url: server.url, headers: [:], body: nil)
        let start = ContinuousClock.now
        let task = Task { try await transport.send(request, timeout: .seconds(30)) }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        await #expect(throws: (any Error).self) { try await task.value }
        // Below the request's own 30 s timeout, so only the cancellation can end it this soon.
        #expect(ContinuousClock.now - start < .seconds(20))
    }
}

/// A loopback socket that listens and never accepts: connections complete in the
/// kernel's backlog, requests are sent, and no response ever comes.
private struct SilentServer {
    let socket: Int32
    let url: URL

    init() throws {
        (socket, url) = try LoopbackListener.open()
    }

    func close() {
        _ = Foundation.close(socket)
    }
}

/// Which faults count as "nothing was sent" (any request may retry) and which as "the
/// exchange broke" (only idempotent ones may).
@Suite struct TransportErrorMappingTests {
    struct Described: Error, CustomStringConvertible {
        let description: String
    }

    @Test(arguments: [
        ("NIOConnectionError(host: \"127.0.0.1\", port: 9, connectionErrors: [connection reset (error set): Connection refused (errno: 111)])", "connection failed"),
        ("read(descriptor:pointer:size:): Connection reset by peer (errno: 104)", "connection dropped"),
        ("NIOSSLError.handshakeFailed", "connection failed"),
        ("handshakeFailed(NIOSSL.BoringSSLError.sslError([Error: 268435581 error:1000007d:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED]))", "request could not be sent"),
        ("something else entirely", "connection dropped"),
    ])
    func classifiesNIOErrors(description: String, kind: String) {
        #expect(HTTPClientTransport.transportError(for: Described(description: description)).description.hasPrefix(kind))
    }

    @Test func aRefusedConnectionFailsBeforeSending() async throws {
        let transport = HTTPClientTransport()
        let request = HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:9/v1/webhook_endpoints")!)
        let error = await #expect(throws: TransportError.self) { try await transport.send(request, timeout: .seconds(5)) }
        #expect(error?.description.hasPrefix("connection failed") == true, "\(String(describing: error))")
        await transport.shutdown()
    }
}
