import Foundation
import ReconcileCore

/// Where people read: stderr for progress and errors, stdout for the plan; each stream's
/// colour decided once, by ``TextStyle/forTerminal(isTTY:environment:)``.
enum Terminal {
    static let stdoutStyle = TextStyle.forTerminal(isTTY: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
    static let stderrStyle = TextStyle.forTerminal(isTTY: isatty(STDERR_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
    static var stderrIsTTY: Bool { isatty(STDERR_FILENO) == 1 }

    /// One line on stderr. Its text often quotes Stripe or a file (a url, a message from
    /// the API): control characters are shown escaped.
    static func line(_ text: String) {
        write(text.terminalSafe)
    }

    static func error(_ message: String) {
        write(stderrStyle.paint("error:", .red) + " " + message.terminalSafe)
    }

    private static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
