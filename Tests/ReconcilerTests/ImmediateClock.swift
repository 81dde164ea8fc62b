import Synchronization

/// A clock whose sleeps end at once, moving its time on by what was asked: a test runs
/// hours of a controller's waits in no time, and reads how long it would have waited.
final class ImmediateClock: Clock, Sendable {
    typealias Duration = Swift.Duration
    typealias Instant = ContinuousClock.Instant

    private let current = Mutex(ContinuousClock.now)
    let start: Instant

    init() {
        start = current.withLock { $0 }
    }

    var now: Instant { current.withLock { $0 } }
    var minimumResolution: Duration { .zero }

    /// How far its time has moved on since it was made.
    var elapsed: Duration { start.duration(to: now) }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        current.withLock { $0 = max($0, deadline) }
        await Task.yield()
    }
}
