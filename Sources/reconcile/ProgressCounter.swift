import Foundation
import Synchronization

/// Accounts counted so far, per phase.
final class ProgressCounter: Sendable {
    enum Phase: String {
        case planned, done
    }

    private let counts = Mutex<[Phase: Int]>([:])

    /// Counts one more account in `phase` and hands the new count to `body`, under the lock.
    func increment(_ phase: Phase, _ body: (Int) -> Void) {
        counts.withLock { counts in
            counts[phase, default: 0] += 1
            body(counts[phase, default: 0])
        }
    }
}
