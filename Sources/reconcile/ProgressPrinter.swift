import Foundation
import ReconcileCore
import Reconciler

/// RunProgress for people, on stderr (stdout carries only the plan): each action as it
/// completes for one account; with more, one line per finished account, or a live
/// count on a TTY.
struct ProgressPrinter: Sendable {
    let accounts: Int
    private let counter = FinishedCounter()

    init(accounts: Int) {
        self.accounts = accounts
    }

    func report(_ progress: RunProgress) async {
        switch progress {
        case .planned:
            return
        case .applied(let config, let done) where accounts == 1:
            var line = "\(config): \(done.planned.action.name) \(done.planned.trigger ?? "") done"
            if let id = done.created?.id ?? done.planned.endpointID { line += " (\(id))" }
            Terminal.line(line)
        case .applied:
            return
        case .finished(let report) where accounts > 1:
            let finished = await counter.increment()
            if Terminal.stderrIsTTY {
                FileHandle.standardError.write(Data("\r\(finished)/\(accounts) accounts done\(finished == accounts ? "\n" : "")".utf8))
            } else {
                Terminal.line("\(report.config): \(report.outcome.name) (\(finished)/\(accounts))")
            }
        case .finished:
            return
        }
    }
}

private actor FinishedCounter {
    var count = 0
    func increment() -> Int {
        count += 1
        return count
    }
}
