import Foundation
import Synchronization

/// A one-way switch a run checks before each write: once thrown (by Ctrl-C or SIGTERM),
/// no new write starts, while writes already in flight finish.
public final class StopSwitch: Sendable {
    private struct State {
        var reason: String?
        /// Who awaits `stopped()`, by a number of their own.
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// Throws the switch; the first reason is kept, and everyone awaiting it resumes.
    public func stop(reason: String) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard state.reason == nil else { return [] }
            state.reason = reason
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Why the run was stopped, or `nil` while it may go on.
    public var reason: String? {
        state.withLock { $0.reason }
    }

    public var isStopped: Bool { reason != nil }

    /// Returns once the switch is thrown (at once if it already was), or when the task
    /// awaiting it is cancelled.
    public func stopped() async {
        let id = state.withLock { state in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state in
                    // Cancelled before it could be registered: the handler found nothing to resume.
                    guard state.reason == nil, !Task.isCancelled else { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}

/// The error a write refused after the run was stopped fails with.
public struct RunInterrupted: Error, CustomStringConvertible {
    public var reason: String
    public var description: String { "interrupted (\(reason)) before this write was sent" }
}
