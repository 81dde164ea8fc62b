import Testing
import Reconciler

@Suite struct StopSwitchTests {
    @Test func keepsTheFirstReason() {
        let stop = StopSwitch()
        #expect(!stop.isStopped)
        stop.stop(reason: "SIGINT")
        stop.stop(reason: "SIGTERM")
        #expect(stop.reason == "SIGINT")
    }

    @Test(.timeLimit(.minutes(1))) func wakesEveryoneAwaitingIt() async {
        let stop = StopSwitch()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<3 { group.addTask { await stop.stopped() } }
            stop.stop(reason: "SIGTERM")
        }
        // Thrown already: returns at once.
        await stop.stopped()
    }

    @Test(.timeLimit(.minutes(1))) func aCancelledWaiterReturnsWithoutTheSwitch() async {
        let stop = StopSwitch()
        let waiter = Task { await stop.stopped() }
        waiter.cancel()
        await waiter.value
        #expect(!stop.isStopped)
    }

    @Test func aWaitRunsItsCourseWhileNotStopped() async {
        let clock = ImmediateClock()
        let stopped = await StopSwitch().wait(for: .seconds(90), on: clock)
        #expect(!stopped)
        #expect(clock.elapsed == .seconds(90))
    }

    @Test(.timeLimit(.minutes(1))) func aWaitEndsWhenTheSwitchIsThrown() async {
        let stop = StopSwitch()
        // An hour on the real clock: only the switch can end it within the time limit.
        async let stopped = stop.wait(for: .seconds(3_600), on: ContinuousClock())
        try? await Task.sleep(for: .milliseconds(20))
        stop.stop(reason: "SIGTERM")
        #expect(await stopped)
        #expect(await stop.wait(for: .seconds(3_600), on: ContinuousClock()))
    }

    @Test func workThatEndsKeepsItsResult() async throws {
        let result = try await StopSwitch().run({ 7 }, grace: .seconds(5), clock: ImmediateClock())
        #expect(result == 7)
    }

    @Test(.timeLimit(.minutes(1))) func workStillRunningAfterTheGraceIsAbandoned() async {
        let stop = StopSwitch()
        let clock = ImmediateClock()
        await #expect(throws: CancellationError.self) {
            try await stop.run({
                stop.stop(reason: "SIGTERM")
                // Requests in flight that would take ten minutes on the real clock.
                try await Task.sleep(for: .seconds(600))
                return 7
            }, grace: .seconds(5), clock: clock)
        }
        #expect(clock.elapsed == .seconds(5))
    }

    @Test(.timeLimit(.minutes(1))) func workEndingWithinTheGraceKeepsItsResult() async throws {
        let stop = StopSwitch()
        let result = try await stop.run({
            stop.stop(reason: "SIGTERM")
            try await Task.sleep(for: .milliseconds(20))
            return 7
        }, grace: .seconds(60), clock: ContinuousClock())
        #expect(result == 7)
    }
}
