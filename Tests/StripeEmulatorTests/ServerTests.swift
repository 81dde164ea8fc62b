import Synchronization
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import StripeEmulator
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite struct ServerTests {
    private static let auth: HTTPFields = [.authorization: "Bearer \(TestStripe.key)"]

    private func server(_ faults: EmulatorFaults = .none, stateFile: StateFile? = nil,
                        lines: LineCollector = LineCollector()) -> EmulatorServer {
        let emulator = Emulator(configuration: EmulatorConfiguration(rateLimit: nil, faults: faults, idSeed: 1))
        return EmulatorServer(emulator: emulator, port: 0, stateFile: stateFile, log: { lines.append($0) })
    }

    @Test func servesStripeOverHTTP() async throws {
        let lines = LineCollector()
        let app = server(lines: lines).makeApplication()
        try await app.test(.live) { client in
            var headers = Self.auth
            headers[.contentType] = "application/x-www-form-urlencoded"
            headers[HTTPField.Name("Idempotency-Key")!] = "h1"
            let created = try await client.execute(
                uri: "/v1/webhook_endpoints", method: .post, headers: headers,
                body: ByteBuffer(string: "url=https%3A%2F%2Fa.example%2Fh&enabled_events%5B0%5D=charge.succeeded"))
            #expect(created.status == .ok)
            #expect(created.headers[HTTPField.Name("Request-Id")!]?.hasPrefix("req_") == true)
            let body = String(buffer: created.body)
            #expect(body.contains(#""secret":"whsec_"#))

            let list = try await client.execute(uri: "/v1/webhook_endpoints?limit=1", method: .get, headers: Self.auth)
            #expect(String(buffer: list.body).contains(#""has_more":false"#))
            let missing = try await client.execute(uri: "/v1/webhook_endpoints/we_nope", method: .get, headers: Self.auth)
            #expect(missing.status == .notFound)
            let unauthorized = try await client.execute(uri: "/v1/webhook_endpoints", method: .get)
            #expect(unauthorized.status == .unauthorized)

            let log = try await client.execute(uri: "/_emulator/requests", method: .get)
            let entries = try JSONDecoder().decode([RequestLogEntry].self, from: Data(log.body.readableBytesView))
            #expect(entries.map(\.status) == [.status(200), .status(200), .status(404), .status(401)])
            #expect(entries[0].idempotencyKey == "h1" && entries[0].isWrite)
            let secrets = try await client.execute(uri: "/_emulator/endpoints", method: .get, headers: Self.auth)
            #expect(String(buffer: secrets.body).contains("whsec_"))
            _ = try await client.execute(uri: "/_emulator/requests", method: .delete)
            let cleared = try await client.execute(uri: "/_emulator/requests", method: .get)
            #expect(String(buffer: cleared.body) == "[]")
        }
        let logged = lines.lines
        #expect(logged.first?.hasPrefix("POST /v1/webhook_endpoints 200 ") == true)
        #expect(logged.first?.contains("idem=h1") == true)
        #expect(!logged.joined().contains(TestStripe.key))
        #expect(!logged.joined().contains("whsec_"))
    }

    @Test func adminFaultsAndReset() async throws {
        let app = server().makeApplication()
        try await app.test(.live) { client in
            let set = try await client.execute(uri: "/_emulator/faults", method: .post,
                                               body: ByteBuffer(string: #"{"unavailable": 1, "latencyMs": 5}"#))
            #expect(set.status == .ok)
            let failing = try await client.execute(uri: "/v1/webhook_endpoints", method: .get, headers: Self.auth)
            #expect(failing.status == .serviceUnavailable)
            _ = try await client.execute(uri: "/_emulator/faults", method: .post, body: ByteBuffer(string: "{}"))
            _ = try await client.execute(uri: "/_emulator/reset", method: .post)
            let ok = try await client.execute(uri: "/v1/webhook_endpoints", method: .get, headers: Self.auth)
            #expect(ok.status == .ok)
            let bad = try await client.execute(uri: "/_emulator/faults", method: .post, body: ByteBuffer(string: "nope"))
            #expect(bad.status == .badRequest)
        }
    }

    @Test func droppedAndLostRequestsCloseTheConnection() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-server-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: state) }
        let emulator = Emulator(configuration: EmulatorConfiguration(rateLimit: nil, faults: EmulatorFaults(lost: 1), idSeed: 3))
        let server = EmulatorServer(emulator: emulator, port: 0, stateFile: StateFile(path: state.path), log: { _ in })
        let address = AddressBox()
        let task = Task { try await server.run { await address.set($0) } }
        let base = try await address.wait()

        var request = URLRequest(url: URL(string: base + "/v1/webhook_endpoints")!)
        request.httpMethod = "POST"
        request.setValue("Bearer \(TestStripe.key)", forHTTPHeaderField: "Authorization")
        request.httpBody = Data("url=https://a.example/h&enabled_events[]=charge.succeeded".utf8)
        await #expect(throws: (any Error).self) { _ = try await URLSession.shared.data(for: request) }
        // The write was applied, and saved before the connection closed.
        #expect(emulator.endpoints(forKey: TestStripe.key)?.count == 1)
        #expect(try StateFile(path: state.path).load()?.endpointCount == 1)

        emulator.setFaults(EmulatorFaults(drop: 1))
        await #expect(throws: (any Error).self) { _ = try await URLSession.shared.data(for: request) }
        #expect(emulator.endpoints(forKey: TestStripe.key)?.count == 1)
        #expect(emulator.requestLog().map(\.status) == [.lost, .dropped])

        emulator.setFaults(.none)
        let (_, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        task.cancel()
        _ = try? await task.value
        #expect(try StateFile(path: state.path).load()?.endpointCount == 2)
    }
}

/// Collects log lines from the server, thread-safely.
final class LineCollector: Sendable {
    private let storage = Mutex<[String]>([])
    var lines: [String] { storage.withLock { $0 } }
    func append(_ line: String) { storage.withLock { $0.append(line) } }
}

/// Hands the server's address from `onListening` to the test.
actor AddressBox {
    private var address: String?

    func set(_ address: String) { self.address = address }

    func wait() async throws -> String {
        for _ in 0..<500 {
            if let address { return address }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw CancellationError()
    }
}
