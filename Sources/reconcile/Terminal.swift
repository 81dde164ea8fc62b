import Foundation
import ReconcileCore

/// Where people read: stderr for progress and errors, colours only on a TTY without `NO_COLOR`.
enum Terminal {
    static let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    static var colorsOnStdout: Bool { !noColor && isatty(STDOUT_FILENO) == 1 }
    static var colorsOnStderr: Bool { !noColor && isatty(STDERR_FILENO) == 1 }
    static var stderrIsTTY: Bool { isatty(STDERR_FILENO) == 1 }

    /// One line on stderr. Its text often quotes Stripe or a file (a url, a message from
    /// the API): control characters are shown escaped.
    static func line(_ text: String) {
        write(text.terminalSafe)
    }

    static func error(_ message: String) {
        write((colorsOnStderr ? "\u{1B}[31merror:\u{1B}[0m " : "error: ") + message.terminalSafe)
    }

    private static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
