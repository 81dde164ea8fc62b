import Foundation

/// Accounts counted so far, per phase.
final class ProgressCounter: @unchecked Sendable {
    enum Phase: String {
        case planned, done
    }

    private let lock = NSLock()
    private var counts: [Phase: Int] = [:]

    /// Counts one more account in `phase` and hands the new count to `body`, under the lock.
    func increment(_ phase: Phase, _ body: (Int) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        counts[phase, default: 0] += 1
        body(counts[phase, default: 0])
    }
}
