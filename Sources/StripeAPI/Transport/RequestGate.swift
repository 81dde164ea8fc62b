/// A counting semaphore bounding how many requests are in flight at once, across every
/// client that shares it (one per run), so a run over many accounts keeps a fixed number
/// of connections busy however many accounts it has.
///
/// Waiters are let in first come, first served; a waiter whose task is cancelled stops
/// waiting and throws `CancellationError`.
public actor RequestGate {
    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Void, any Error>
    }

    /// The most requests in flight at once.
    public nonisolated let limit: Int
    private var available: Int
    private var waiters: [Waiter] = []
    // Waiters before `head` were served; the array is compacted now and then instead of
    // shifted on every release.
    private var head = 0
    private var nextID: UInt64 = 0

    /// Creates a gate letting at most `limit` (at least 1) requests through at once.
    public init(limit: Int) {
        self.limit = max(1, limit)
        available = self.limit
    }

    /// Runs `body` once a slot is free, and frees the slot when it returns or throws.
    public func withSlot<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        try await acquire()
        defer { release() }
        return try await body()
    }

    /// Waits for a free slot and takes it; pair every successful call with ``release()``.
    public func acquire() async throws {
        try Task.checkCancellation()
        if available > 0 {
            available -= 1
            return
        }
        nextID += 1
        let id = nextID
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiters.append(Waiter(id: id, continuation: continuation))
                }
            }
        } onCancel: {
            Task { await self.cancel(id) }
        }
    }

    /// Frees a slot, handing it straight to the longest waiter if there is one.
    public func release() {
        guard head < waiters.count else {
            available = min(limit, available + 1)
            return
        }
        let next = waiters[head]
        head += 1
        if head > 64, head * 2 > waiters.count {
            waiters.removeFirst(head)
            head = 0
        }
        next.continuation.resume()
    }

    private func cancel(_ id: UInt64) {
        guard let index = waiters[head...].firstIndex(where: { $0.id == id }) else { return }
        let waiter = waiters.remove(at: index)
        waiter.continuation.resume(throwing: CancellationError())
    }
}
