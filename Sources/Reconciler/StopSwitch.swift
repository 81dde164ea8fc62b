import Foundation
import Synchronization

/// A one-way switch a run checks before each write: once thrown (by Ctrl-C or SIGTERM),
/// no new write starts, while writes already in flight finish.
public final class StopSwitch: Sendable {
    private let why = Mutex<String?>(nil)

    public init() {}

    /// Throws the switch; the first reason is kept.
    public func stop(reason: String) {
        why.withLock { why in if why == nil { why = reason } }
    }

    /// Why the run was stopped, or `nil` while it may go on.
    public var reason: String? {
        why.withLock { $0 }
    }

    public var isStopped: Bool { reason != nil }
}

/// The error a write refused after the run was stopped fails with.
public struct RunInterrupted: Error, CustomStringConvertible {
    public var reason: String
    public var description: String { "interrupted (\(reason)) before this write was sent" }
}
