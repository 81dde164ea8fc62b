import Logging
import ReconcileCore
import Reconciler
import Synchronization
import Testing

/// The controller loop on an `ImmediateClock`: its ticks, waits, reloads and stop, with
/// ticks that record what they were given instead of reaching Stripe.
@Suite(.timeLimit(.minutes(1))) struct WatchLoopTests {
    static let interval = Duration.seconds(60)

    static func account(_ owner: String) -> AccountConfig {
        AccountConfig(path: "\(owner).yaml", stripe: StripeSettings(owner: owner), workflows: [])
    }

    static let invalid = ConfigErrors([
        Diagnostic(location: ConfigLocation(file: "a.yaml", line: 3, column: 5), message: "unknown key `evnt`"),
    ])

    /// What a loop did: the configs each tick was given, the errors shown, the outcomes observed.
    final class Record: Sendable {
        let ticks = Mutex<[[AccountConfig]]>([])
        let reported = Mutex(0)
        let observed = Mutex<[TickOutcome]>([])
    }

    /// A loop whose `n`th reload returns `reloads[n - 2]` (the first tick uses the initial
    /// config), stopping itself at tick `stopAt`.
    static func loop(
        clock: ImmediateClock, reloads: [Result<[AccountConfig], ConfigErrors>], stopAt: Int, record: Record, random: Double = 0.5
    ) -> WatchLoop<ImmediateClock> {
        let stop = StopSwitch()
        let reloadCount = Mutex(0)
        return WatchLoop(
            clock: clock, jitter: TickJitter(interval: interval), random: { random }, stop: stop,
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
            reload: {
                let n = reloadCount.withLock { n in
                    defer { n += 1 }
                    return n
                }
                return reloads[n]
            },
            report: { _ in record.reported.withLock { $0 += 1 } },
            tick: { configs in
                let number = record.ticks.withLock { ticks in
                    ticks.append(configs)
                    return ticks.count
                }
                if number == stopAt { stop.stop(reason: "SIGTERM") }
                return TickOutcome(report: RunReport(dryRun: false, accounts: []))
            },
            observe: { outcome in record.observed.withLock { $0.append(outcome) } })
    }

    @Test func ticksEveryIntervalUntilStopped() async throws {
        let clock = ImmediateClock(), record = Record()
        let a = [Self.account("a")]
        let last = try await Self.loop(clock: clock, reloads: [.success(a), .success(a)], stopAt: 3, record: record)
            .run(initial: a)
        #expect(record.ticks.withLock { $0.count } == 3)
        #expect(record.observed.withLock { $0.count } == 3)
        // Two waits between three ticks; stopped during the third, it waits no more.
        #expect(clock.elapsed == Self.interval * 2)
        #expect(last.run == .unchanged)
        #expect(!last.configInvalid)
    }

    @Test func waitsAreJittered() async throws {
        let clock = ImmediateClock(), record = Record()
        let a = [Self.account("a")]
        _ = try await Self.loop(clock: clock, reloads: [.success(a)], stopAt: 2, record: record, random: 0)
            .run(initial: a)
        #expect(clock.elapsed == .seconds(54))
    }

    @Test func anInvalidConfigIsShownOnceAndTheLastValidOneApplied() async throws {
        let clock = ImmediateClock(), record = Record()
        let a = [Self.account("a")], b = [Self.account("b")]
        let loop = Self.loop(
            clock: clock, reloads: [.failure(Self.invalid), .failure(Self.invalid), .success(b), .failure(Self.invalid)],
            stopAt: 5, record: record)
        let last = try await loop.run(initial: a)
        #expect(record.ticks.withLock { $0 } == [a, a, a, b, b])
        // Shown at tick 2, not again at tick 3 (the same errors), again at tick 5 (broken anew).
        #expect(record.reported.withLock { $0 } == 2)
        #expect(record.observed.withLock { $0.map(\.configInvalid) } == [false, true, true, false, true])
        #expect(record.observed.withLock { $0.map(\.result) } == [.success, .invalidConfig, .invalidConfig, .success, .invalidConfig])
        #expect(last.configInvalid)
    }

    @Test func aChangedConfigIsToldFromDrift() async throws {
        let clock = ImmediateClock(), record = Record()
        let a = [Self.account("a")], b = [Self.account("b")]
        _ = try await Self.loop(clock: clock, reloads: [.success(a), .success(b), .success(b)], stopAt: 4, record: record)
            .run(initial: a)
        #expect(record.observed.withLock { $0.map(\.configChanged) } == [true, false, true, false])
    }

    @Test func aStopDuringTheWaitEndsItAtOnce() async throws {
        let stop = StopSwitch()
        let ticks = Mutex(0)
        // A week between ticks on the real clock: only the switch can end the wait.
        let loop = WatchLoop(
            clock: ContinuousClock(), jitter: TickJitter(interval: .seconds(604_800)), random: { 0.5 }, stop: stop,
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
            reload: { .success([]) }, report: { _ in },
            tick: { _ in
                ticks.withLock { $0 += 1 }
                return TickOutcome(report: RunReport(dryRun: false, accounts: []))
            },
            observe: { _ in })
        async let last = loop.run(initial: [])
        try await Task.sleep(for: .milliseconds(50))
        stop.stop(reason: "SIGTERM")
        #expect(try await last.run == .unchanged)
        #expect(ticks.withLock { $0 } == 1)
    }
}
