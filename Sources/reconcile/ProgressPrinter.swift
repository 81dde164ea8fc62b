import Foundation
import ReconcileCore
import Reconciler

/// RunProgress for people, on stderr (stdout carries only the plan). With one account:
/// each action as it completes. With more: on a TTY, a live count of accounts planned,
/// then of accounts done; otherwise one line per finished account (per planned account
/// in a dry run, where planning is the whole run).
struct ProgressPrinter: Sendable {
    let accounts: Int
    let dryRun: Bool
    let isTTY: Bool
    let write: @Sendable (String) -> Void
    private let counter = ProgressCounter()

    init(accounts: Int, dryRun: Bool, isTTY: Bool = Terminal.stderrIsTTY,
         write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.accounts = accounts
        self.dryRun = dryRun
        self.isTTY = isTTY
        self.write = write
    }

    func report(_ progress: RunProgress) async {
        switch progress {
        case .applied(let config, let done) where accounts == 1:
            var line = "\(config.terminalSafe): \(done.planned.action.name) \((done.planned.trigger ?? "").terminalSafe) done"
            if let id = done.created?.id ?? done.planned.endpointID { line += " (\(id.terminalSafe))" }
            write(line + "\n")
        case .planned(let report) where accounts > 1 && (isTTY || dryRun):
            count(report, phase: .planned)
        case .finished(let report) where accounts > 1:
            count(report, phase: .done)
        case .planned, .applied, .finished:
            return
        }
    }

    private func count(_ report: AccountReport, phase: ProgressCounter.Phase) {
        // Written under the counter's lock, so counts appear in order and the last one,
        // which ends the line, is written last.
        counter.increment(phase) { count in
            if isTTY {
                // One line rewritten in place; the last count ends it, so stdout's plan starts clean.
                write("\r\(count)/\(accounts) accounts \(phase.rawValue)\(count == accounts ? "\n" : "")")
            } else {
                write("\(report.configPath.terminalSafe): \(report.outcome.name) (\(count)/\(accounts))\n")
            }
        }
    }
}
