import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import StripeEmulator
import Testing

/// The emulator over real sockets: big bodies get 413, silent connections are closed.
@Suite struct ServerLimitsTests {
    private func server(idleTimeout: Duration = .seconds(30)) -> EmulatorServer {
        var server = EmulatorServer(emulator: Emulator(configuration: EmulatorConfiguration(rateLimit: nil, idSeed: 1)), port: 0, log: { _ in })
        server.idleTimeout = idleTimeout
        return server
    }

    @Test func aBodyOverOneMebibyteGets413() async throws {
        try await server().makeApplication().test(.live) { client in
            let body = ByteBuffer(string: "description=" + String(repeating: "x", count: EmulatorLimits.maxBodyBytes + 1))
            let response = try await client.execute(
                uri: "/v1/webhook_endpoints", method: .post,
                headers: [.authorization: "Bearer \(TestStripe.key)", .contentType: "application/x-www-form-urlencoded"], body: body)
            #expect(response.status == .contentTooLarge)
            #expect(String(buffer: response.body).contains("invalid_request_error"))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aHalfSentRequestIsClosedWhenIdle() async throws {
        let server = server(idleTimeout: .milliseconds(500))
        let address = AddressBox()
        let task = Task { try await server.run { await address.set($0) } }
        defer { task.cancel() }
        let base = try await address.wait()
        let port = UInt16(base.split(separator: ":").last!)!
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address4 = sockaddr_in()
        address4.sin_family = sa_family_t(AF_INET)
        address4.sin_addr.s_addr = inet_addr("127.0.0.1")
        address4.sin_port = port.bigEndian
        let connected = withUnsafePointer(to: &address4) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        #expect(connected)
        let head = "POST /v1/webhook_endpoints HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nurl="
        _ = head.withCString { write(fd, $0, strlen($0)) }
        // The server closes the connection: read returns 0 (or fails) instead of blocking forever.
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let start = ContinuousClock.now
        var buffer = [UInt8](repeating: 0, count: 1024)
        var result = 1
        while result > 0 { result = read(fd, &buffer, buffer.count) }
        #expect(ContinuousClock.now - start < .seconds(9))
        #expect(result == 0 || errno != EAGAIN, "the connection was still open after 10 s")
    }
}
