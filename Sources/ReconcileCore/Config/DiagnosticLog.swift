import Yams

/// The errors found in one file so far, each located and quoting its source line.
struct DiagnosticLog {
    let file: String
    /// The whole text; a line is found only when an error quotes it, which keeps a valid
    /// file (the common case, a thousand at a time) from paying for a split.
    private let text: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Errors past `limit`, counted but not kept: a wrong file (a log, a dump) would
    /// otherwise bury the first, useful errors under thousands.
    private(set) var suppressed = 0
    static let limit = 100

    init(file: String, text: String) {
        self.file = file
        self.text = text
    }

    /// The text of a 1-based line (as the parser counts lines), without its line break.
    func line(_ number: Int) -> String? {
        YAMLLines.line(number, of: text)
    }

    /// Every line, without line breaks, for the scans that look at each one.
    var lines: [String] { YAMLLines.all(text) }

    func location(_ mark: Mark?) -> ConfigLocation {
        ConfigLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    mutating func error(_ message: String, line: Int, column: Int, hint: String? = nil) {
        guard diagnostics.count < Self.limit else {
            suppressed += 1
            return
        }
        // Redacted here as well as when rendered, so a caller printing `message` alone
        // cannot leak a secret either.
        diagnostics.append(Diagnostic(
            location: ConfigLocation(file: file, line: line, column: column),
            message: SecretPattern.redacted(message), hint: hint.map(SecretPattern.redacted),
            sourceLine: self.line(line).flatMap { $0.isEmpty ? nil : SecretPattern.redacted($0) }))
    }

    mutating func error(_ message: String, at mark: Mark?, hint: String? = nil) {
        error(message, line: mark?.line ?? 1, column: mark?.column ?? 1, hint: hint)
    }

    /// The errors in file order (errors found in separate passes interleave by position),
    /// with the count of those past the limit.
    var errors: ConfigErrors {
        let sorted = diagnostics.enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
        return ConfigErrors(sorted, unshown: suppressed)
    }
}
