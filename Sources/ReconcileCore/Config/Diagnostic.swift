/// One config error, located, with what would be right; rendered like a compiler's.
public struct Diagnostic: Sendable, Equatable, Error, CustomStringConvertible {
    /// Where the error is.
    public var location: ConfigLocation
    /// What is wrong, one sentence without a final period.
    public var message: String
    /// What would be right (`did you mean \`url\`?`), if the loader can tell.
    public var hint: String?
    /// The text of the offending line, shown under the message with a caret.
    public var sourceLine: String?

    /// A diagnostic; `sourceLine` is quoted under the message when given.
    public init(location: ConfigLocation, message: String, hint: String? = nil, sourceLine: String? = nil) {
        self.location = location
        self.message = message
        self.hint = hint
        self.sourceLine = sourceLine
    }

    /// The compiler form: `FILE:LINE:COLUMN: error: message`, the source line and a caret
    /// under the column, then `hint: ...`. Anything that looks like a Stripe secret is
    /// redacted, in the message and in the quoted line alike.
    public func rendered(style: TextStyle = .plain) -> String {
        // Messages quote values from the file, and the file's line itself: control
        // characters in them are shown escaped, not sent to the terminal.
        var lines = ["\(style.paint("\(location.description.terminalSafe):", .bold)) \(style.paint("error:", .boldRed)) \(style.paint(SecretPattern.redacted(message).terminalSafe, .bold))"]
        if let sourceLine {
            let (shown, caretOffset) = Self.window(of: TerminalText.escaped(SecretPattern.redacted(sourceLine), keepTabs: true), around: location.column - 1)
            lines.append(shown)
            // Tabs stay tabs so the caret lines up with what the terminal shows.
            let pad = shown.unicodeScalars.prefix(caretOffset).map { $0 == "\t" ? "\t" : " " }.joined()
            lines.append(pad + style.paint("^", .boldGreen))
        }
        if let hint {
            lines.append("\(style.paint("hint:", .boldCyan)) \(SecretPattern.redacted(hint).terminalSafe)")
        }
        return lines.joined(separator: "\n")
    }

    public var description: String { rendered() }

    /// The part of a long line around `column` (0-based), marked with `…` where cut, and
    /// where the column falls in it: a minified or generated line can be megabytes long.
    static func window(of line: String, around column: Int, width: Int = 120) -> (String, Int) {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count > width else { return (line, max(0, column)) }
        let start = max(0, min(column - width / 2, scalars.count - width))
        let end = min(scalars.count, start + width)
        var view = String.UnicodeScalarView()
        if start > 0 { view.append("…") }
        view.append(contentsOf: scalars[start..<end])
        if end < scalars.count { view.append("…") }
        return (String(view), max(0, column - start) + (start > 0 ? 1 : 0))
    }
}
