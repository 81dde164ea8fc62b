import Foundation
import StripeEmulator
import Synchronization

/// A ``WebhookSender`` without a socket: records every POST and answers from a script per
/// url (200 once the script is used up).
final class RecordingSender: WebhookSender {
    enum Answer: Sendable {
        case status(Int)
        case unreachable
    }

    struct Post: Sendable {
        var url: String
        var headers: [String: String]
        var body: [UInt8]

        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        }
        var object: [String: Any] {
            (json["data"] as? [String: Any])?["object"] as? [String: Any] ?? [:]
        }
    }

    struct Unreachable: Error, CustomStringConvertible {
        var description: String { "connection refused" }
    }

    private let state: Mutex<(posts: [Post], scripts: [String: [Answer]])>

    init(_ scripts: [String: [Answer]] = [:]) {
        state = Mutex(([], scripts))
    }

    var posts: [Post] { state.withLock { $0.posts } }
    var urls: [String] { posts.map(\.url) }

    func post(url: String, headers: [(String, String)], body: [UInt8], timeout: Duration) async throws -> Int {
        let answer = state.withLock { state -> Answer in
            state.posts.append(Post(url: url, headers: Dictionary(headers) { _, last in last }, body: body))
            guard var script = state.scripts[url], !script.isEmpty else { return .status(200) }
            let next = script.removeFirst()
            state.scripts[url] = script
            return next
        }
        switch answer {
        case .status(let status): return status
        case .unreachable: throw Unreachable()
        }
    }
}

extension TestStripe {
    /// A dispatcher over `sender` that waits a millisecond between attempts.
    func dispatcher(_ sender: RecordingSender, attempts: Int = 4) -> WebhookDispatcher {
        WebhookDispatcher(emulator: emulator, sender: sender,
                          policy: DeliveryPolicy(maxAttempts: attempts, timeout: .seconds(1), baseDelay: .milliseconds(1)))
    }
}
