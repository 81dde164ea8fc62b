import Foundation
import StripeAPI

/// A clock whose sleeps return at once and move time forward by their duration.
final class ManualClock: ClientClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Duration = .zero
    private var slept: [Duration] = []

    /// Every sleep requested, in order.
    var sleeps: [Duration] {
        lock.withLock { slept }
    }

    func now() -> Duration {
        lock.withLock { current }
    }

    func advance(by duration: Duration) {
        lock.withLock { current += duration }
    }

    func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        lock.withLock {
            slept.append(duration)
            current += duration
        }
    }
}
