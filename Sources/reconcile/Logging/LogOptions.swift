import ArgumentParser
import Logging

/// `--log-format`, `--verbose` and `--quiet`: what goes to stderr as log lines.
struct LogOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Log lines on stderr: text, or json (one object per line).", valueName: "FORMAT"))
    var logFormat: LogFormat = .text

    @Flag(help: "Log every request too: method, path, status, attempt, duration and Stripe's Request-Id.")
    var verbose = false

    @Flag(help: "Log warnings and errors only.")
    var quiet = false

    func validate() throws {
        if verbose, quiet { throw ValidationError("--verbose and --quiet contradict each other: pass one.") }
    }

    var level: Logger.Level { verbose ? .debug : quiet ? .warning : .info }

    /// The run's logger, writing to stderr. Made here and passed down, never installed
    /// process-wide: nothing else in the process logs.
    func makeLogger(write: @escaping @Sendable (String) -> Void = StderrLogHandler.writeToStderr) -> Logger {
        let format = logFormat, level = level
        var logger = Logger(label: "reconcile") { label in StderrLogHandler(label: label, format: format, write: write) }
        logger.logLevel = level
        return logger
    }
}

/// The formats of `--log-format`.
enum LogFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
}
