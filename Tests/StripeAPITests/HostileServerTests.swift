import Foundation
import Testing
@testable import StripeAPI

/// A server (or a proxy) that never lets a run end: pages that never stop saying
/// `has_more`, a body dripped a byte at a time.
@Suite struct HostileServerTests {
    @Test func pagesThatNeverEndStopAfterTheBound() async throws {
        let pages = (0..<(StripeClient.maxListPages + 5)).map { page in
            ScriptedTransport.Step.json(200, Fixtures.list(["we_page\(page)"], hasMore: true))
        }
        let transport = ScriptedTransport(pages)
        let client = Fixtures.client(transport)
        let error = await #expect(throws: StripeError.self) { try await client.listAllWebhookEndpoints() }
        #expect(transport.requests.count == StripeClient.maxListPages)
        #expect(error?.description.contains("stopped after 100 pages") == true, "\(String(describing: error))")
    }

    @Test(.timeLimit(.minutes(1)))
    func aBodyDrippedAByteAtATimeTimesOutAsAWhole() async throws {
        let server = try DripServer(bytes: 60, every: .milliseconds(250))
        defer { server.close() }
        let transport = HTTPClientTransport(readTimeout: .seconds(1))
        let request = HTTPRequest(method: "GET", url: server.url)
        let start = ContinuousClock.now
        let error = await #expect(throws: TransportError.self) { try await transport.send(request, timeout: .seconds(1)) }
        #expect(error?.description.contains("timed out") == true, "\(String(describing: error))")
        // Every pause is shorter than the read timeout: only a bound on the whole exchange ends
        // it before the 15 s the drip takes (the margin is for a loaded shared machine).
        #expect(ContinuousClock.now - start < .seconds(12))
        await transport.shutdown()
    }
}

/// A loopback server answering one request with a head at once, then its body one byte
/// every `every`, from a thread of its own.
private final class DripServer: @unchecked Sendable {
    let url: URL
    private let socket: Int32
    private let done = NSLock()
    private var closed = false

    init(bytes: Int, every: Duration) throws {
        let (fd, url) = try LoopbackListener.open()
        socket = fd
        self.url = url
        let pause = UInt32(every.components.attoseconds / 1_000_000_000_000 + every.components.seconds * 1_000_000)
        Thread.detachNewThread { [self] in
            let client = accept(fd, nil, nil)
            guard client >= 0 else { return }
            defer { Foundation.close(client) }
            var buffer = [UInt8](repeating: 0, count: 4096)
            _ = read(client, &buffer, buffer.count)
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(bytes)\r\n\r\n"
            _ = head.withCString { write(client, $0, strlen($0)) }
            for _ in 0..<bytes where !isClosed {
                usleep(pause)
                guard write(client, " ", 1) == 1 else { return }
            }
        }
    }

    private var isClosed: Bool { done.withLock { closed } }

    func close() {
        done.withLock { closed = true }
        shutdown(socket, Int32(SHUT_RDWR))
        _ = Foundation.close(socket)
    }
}
