/// The time a client reads and waits on, injected so tests run without waiting.
public protocol ClientClock: Sendable {
    /// Time since an arbitrary fixed point; only differences matter.
    func now() -> Duration
    /// Waits `duration`, throwing `CancellationError` if the task is cancelled.
    func sleep(for duration: Duration) async throws
}

/// The real, monotonic clock.
public struct SystemClock: ClientClock {
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant

    /// Creates a clock reading zero now.
    public init() {
        origin = clock.now
    }

    /// Time since this clock was created.
    public func now() -> Duration {
        origin.duration(to: clock.now)
    }

    /// Sleeps with `Task.sleep`.
    public func sleep(for duration: Duration) async throws {
        guard duration > .zero else { return try Task.checkCancellation() }
        try await clock.sleep(for: duration)
    }
}
