import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// A webhook handler on a free loopback port, in the test process: answers POST /hook with
/// the next of `statuses` (200 after them) and keeps what it received.
final class WebhookReceiver: Sendable {
    struct Received: Sendable {
        var signature: String
        var contentType: String
        var body: String
    }

    /// What came in, and the statuses still to answer.
    private final class Log: Sendable {
        let state: Mutex<(statuses: [Int], received: [Received])>
        init(_ statuses: [Int]) { state = Mutex((statuses, [])) }
    }

    let port: Int
    private let log: Log
    private let task: Task<Void, any Error>

    var url: String { "http://127.0.0.1:\(port)/hook" }
    var received: [Received] { log.state.withLock { $0.received } }

    init(statuses: [Int] = []) async throws {
        let log = Log(statuses)
        let router = Router()
        router.post("/hook") { request, _ -> Response in
            let body = String(buffer: try await request.body.collect(upTo: 1 << 20))
            let status = log.state.withLock { state in
                state.received.append(Received(
                    signature: request.headers[HTTPField.Name("Stripe-Signature")!] ?? "",
                    contentType: request.headers[.contentType] ?? "", body: body))
                return state.statuses.isEmpty ? 200 : state.statuses.removeFirst()
            }
            return Response(status: .init(code: status))
        }
        let (ports, listening) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in listening.yield(channel.localAddress?.port ?? 0) })
        task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var next = ports.makeAsyncIterator()
        port = await next.next() ?? 0
        self.log = log
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    /// Whether `received` carries a valid signature of its body under `secret`, as Stripe's
    /// libraries check it (HMAC-SHA256 of `t.body`, hex).
    static func verify(_ received: Received, secret: String) -> Bool {
        let parts = Dictionary(received.signature.split(separator: ",").compactMap { part -> (String, String)? in
            let pair = part.split(separator: "=", maxSplits: 1)
            return pair.count == 2 ? (String(pair[0]), String(pair[1])) : nil
        }) { first, _ in first }
        guard let t = parts["t"], let v1 = parts["v1"] else { return false }
        let code = HMAC<SHA256>.authenticationCode(for: Data("\(t).\(received.body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return code.map { String(format: "%02x", $0) }.joined() == v1
    }
}
