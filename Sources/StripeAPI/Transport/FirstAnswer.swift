import Foundation

/// The first of several racing outcomes, for one waiter; later ones are dropped.
///
/// Unlike a task group, waiting on it does not wait for the losers: a URLSession task
/// that never finishes cannot hold the caller past its deadline.
final class FirstAnswer<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var outcome: Result<Value, any Error>?
    private var waiter: CheckedContinuation<Value, any Error>?

    /// Records `outcome` if nothing was recorded yet, and wakes the waiter.
    func settle(_ outcome: Result<Value, any Error>) {
        lock.lock()
        guard self.outcome == nil else {
            lock.unlock()
            return
        }
        self.outcome = outcome
        let waiter = waiter
        self.waiter = nil
        lock.unlock()
        waiter?.resume(with: outcome)
    }

    /// The first outcome settled, once there is one.
    var value: Value {
        get async throws {
            try await withCheckedThrowingContinuation { continuation in
                lock.lock()
                if let outcome {
                    lock.unlock()
                    continuation.resume(with: outcome)
                } else {
                    waiter = continuation
                    lock.unlock()
                }
            }
        }
    }
}
