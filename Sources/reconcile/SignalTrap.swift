import Dispatch
import Foundation
import Synchronization

/// Catches SIGINT and SIGTERM while a run goes on: the first asks the run to stop
/// cleanly, a second one ends the process at once (exit 128 + signal, as a shell reports
/// a death by that signal).
///
/// Built on dispatch signal sources, as swift-service-lifecycle's `UnixSignalsSequence`
/// is: no handler runs in signal context, so stopping may take locks and print.
///
/// `@unchecked` for the dispatch sources alone, which are not `Sendable`: they are set in
/// `init` and only cancelled in `deinit`; the count of signals is behind a `Mutex`.
final class SignalTrap: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]
    private let received = Mutex(0)

    /// Starts catching; returns once every source is registered, so no early signal is missed.
    ///
    /// - Parameter onFirst: called once, off the main thread, with the signal's name.
    init(_ signals: [Int32] = [SIGINT, SIGTERM], onFirst: @escaping @Sendable (String) -> Void) async {
        let queue = DispatchQueue(label: "reconcile.signals")
        var sources: [any DispatchSourceSignal] = []
        for number in signals {
            #if canImport(Darwin)
            // Darwin's signal sources (kqueue) see a signal only when its default action is off.
            signal(number, SIG_IGN)
            #endif
            sources.append(DispatchSource.makeSignalSource(signal: number, queue: queue))
        }
        self.sources = sources
        for (source, number) in zip(sources, signals) {
            source.setEventHandler { [unowned self] in
                if self.count() == 1 { onFirst(Self.name(number)) } else { _exit(128 + number) }
            }
            await withCheckedContinuation { (registered: CheckedContinuation<Void, Never>) in
                source.setRegistrationHandler { registered.resume() }
                source.resume()
            }
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }

    private func count() -> Int {
        received.withLock { received in
            received += 1
            return received
        }
    }

    static func name(_ number: Int32) -> String {
        switch number {
        case SIGINT: "SIGINT"
        case SIGTERM: "SIGTERM"
        default: "signal \(number)"
        }
    }
}
