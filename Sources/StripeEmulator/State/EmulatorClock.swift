import Foundation

/// The emulator's source of time, injected so tests control expiry and rate limits.
public protocol EmulatorClock: Sendable {
    /// Seconds since 1970-01-01 UTC.
    func now() -> Double
}

/// The wall clock.
public struct SystemEmulatorClock: EmulatorClock {
    /// Creates the wall clock.
    public init() {}

    public func now() -> Double {
        Date().timeIntervalSince1970
    }
}

/// A clock that moves only when told to; for tests.
public final class ManualEmulatorClock: EmulatorClock {
    private let seconds: Locked<Double>

    /// Creates a clock stopped at `start` (seconds since 1970).
    public init(start: Double = 1_764_420_000) {
        seconds = Locked(start)
    }

    public func now() -> Double {
        seconds.withLock { $0 }
    }

    /// Moves the clock forward.
    public func advance(by interval: Double) {
        seconds.withLock { $0 += interval }
    }
}
