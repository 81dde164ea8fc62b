import Foundation

/// Where people read: stderr for progress and errors, colours only on a TTY without `NO_COLOR`.
enum Terminal {
    static let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    static var colorsOnStdout: Bool { !noColor && isatty(STDOUT_FILENO) == 1 }
    static var colorsOnStderr: Bool { !noColor && isatty(STDERR_FILENO) == 1 }
    static var stderrIsTTY: Bool { isatty(STDERR_FILENO) == 1 }

    /// One line on stderr.
    static func line(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func error(_ message: String) {
        line((colorsOnStderr ? "\u{1B}[31merror:\u{1B}[0m " : "error: ") + message)
    }
}
