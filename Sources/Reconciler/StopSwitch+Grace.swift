extension StopSwitch {
    /// Runs `work` to its end, unless the switch is thrown and `work` has not ended `grace`
    /// later (on `clock`): then it is cancelled, abandoning the requests still in flight, and
    /// this throws its cancellation.
    public func run<T: Sendable, C: Clock>(
        _ work: @escaping @Sendable () async throws -> T, grace: Duration, clock: C
    ) async throws -> T where C.Duration == Duration {
        let task = Task { try await work() }
        let deadline = Task {
            await stopped()
            try await clock.sleep(for: grace)
            task.cancel()
        }
        defer { deadline.cancel() }
        return try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }

    /// Waits `duration` on `clock`, or less when the switch is thrown meanwhile; returns
    /// whether it was (before or during the wait).
    public func wait<C: Clock>(for duration: Duration, on clock: C) async -> Bool where C.Duration == Duration {
        guard !isStopped else { return true }
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                try? await clock.sleep(for: duration)
                return false
            }
            group.addTask {
                await self.stopped()
                return true
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first || isStopped
        }
    }
}
