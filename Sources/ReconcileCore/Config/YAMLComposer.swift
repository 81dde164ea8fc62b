import Yams

/// Composes the YAML node tree, turning libyaml's errors into located diagnostics and
/// recovering from duplicate keys so the rest of the file is still checked.
///
/// Yams refuses a mapping with a repeated key by throwing, which would end the check of
/// the file there. Instead each later occurrence is reported where it is written, then
/// renamed in a private copy of the text to a placeholder of the same width (so every
/// other position stays true) that the reader skips; composing is then retried.
enum YAMLComposer {
    /// Private-use scalars: they cannot appear in a key the reader accepts.
    static let placeholderBase: UInt32 = 0xE000
    private static let maxRetries = 200

    static func isPlaceholder(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first else { return false }
        return (placeholderBase..<placeholderBase + 0x1000).contains(first.value)
    }

    static func compose(_ text: String, log: inout DiagnosticLog) -> Node? {
        // Split only once a duplicate key needs renaming: most files compose at once.
        lazy var lines = yamlLines(text)
        for attempt in 0..<maxRetries {
            do {
                // The basic resolver tags every plain scalar a string without running the
                // default resolver's regular expressions on each one (most of the parse
                // time); the reader tells null, numbers and booleans apart itself. The
                // encoding is named because Yams' default reads the whole process
                // environment on every call.
                return try Yams.compose(yaml: attempt == 0 ? text : lines.joined(separator: "\n"), .basic, .default, .utf8)
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                let name = duplicates.first ?? ""
                let first = context.mark
                guard let second = laterOccurrence(of: name, after: first, in: lines) else {
                    log.error("duplicate key `\(name)` in this mapping", at: first,
                              hint: "each key may appear once in a mapping; remove the extra one")
                    return nil
                }
                log.error("duplicate key `\(name)`: it is already set at line \(first.line)",
                          line: second.line, column: second.column,
                          hint: "each key may appear once in a mapping (YAML would silently keep only one); remove one of them")
                rename(at: second, width: name.unicodeScalars.count, attempt: attempt, in: &lines)
            } catch let error as YamlError {
                report(error, lines: lines, log: &log)
                return nil
            } catch {
                log.error("the file could not be read as YAML: \(error)", line: 1, column: 1)
                return nil
            }
        }
        return nil
    }

    /// The lines as the YAML parser numbers them: a line ends at LF, CR, CRLF, NEL, LS or
    /// PS. (Split at LF alone, a file with lone CRs has fewer lines than the parser's
    /// marks count, and a duplicate key's mark pointed past the last line: a crash the
    /// fuzzer found.)
    static func yamlLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n", afterCR {
                afterCR = false
                continue
            }
            afterCR = scalar == "\r"
            switch scalar {
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}":
                lines.append(String(current))
                current = String.UnicodeScalarView()
            default:
                current.append(scalar)
            }
        }
        lines.append(String(current))
        return lines
    }

    /// Where `name` is written again as a key of the mapping whose first key is at `first`:
    /// the same column on a later line of a block mapping, or later on the same line in a
    /// flow mapping (`{a: 1, a: 2}`).
    private static func laterOccurrence(of name: String, after first: Mark, in lines: [String]) -> (line: Int, column: Int)? {
        let column = first.column - 1
        guard lines.indices.contains(first.line - 1) else { return nil }
        let sameLine = Array(lines[first.line - 1].unicodeScalars)
        var j = column + 1
        while j < sameLine.count {
            if sameLine[j] == "," || sameLine[j] == "{" {
                var k = j + 1
                while k < sameLine.count, sameLine[k] == " " { k += 1 }
                if keyMatches(name, at: k, in: sameLine) { return (first.line, k + 1 + quoteWidth(at: k, in: sameLine)) }
            }
            j += 1
        }
        for number in first.line..<lines.count {
            let scalars = Array(lines[number].unicodeScalars)
            let indent = scalars.prefix { $0 == " " }.count
            let blank = indent == scalars.count || scalars[indent] == "#"
            if blank { continue }
            // A line indented less than the mapping's keys (or a new `- ` item at the
            // key's column) closes the mapping.
            if indent < column { return nil }
            if indent == column, keyMatches(name, at: column, in: scalars) {
                return (number + 1, column + 1 + quoteWidth(at: column, in: scalars))
            }
            if indent == column, scalars[column] == "-" { return nil }
        }
        return nil
    }

    private static func quoteWidth(at i: Int, in scalars: [Unicode.Scalar]) -> Int {
        scalars[i] == "\"" || scalars[i] == "'" ? 1 : 0
    }

    private static func keyMatches(_ name: String, at start: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard start < scalars.count else { return false }
        let quote = quoteWidth(at: start, in: scalars)
        let key = Array(name.unicodeScalars)
        let end = start + quote + key.count
        guard end + quote < scalars.count, Array(scalars[(start + quote)..<end]) == key else { return false }
        if quote == 1 { return scalars[end] == scalars[start] }
        return scalars[end] == ":" || scalars[end] == " "
    }

    private static func rename(at position: (line: Int, column: Int), width: Int, attempt: Int, in lines: inout [String]) {
        var scalars = Array(lines[position.line - 1].unicodeScalars)
        let placeholder = Unicode.Scalar(placeholderBase + UInt32(attempt))!
        for i in (position.column - 1)..<(position.column - 1 + width) { scalars[i] = placeholder }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        lines[position.line - 1] = String(view)
    }

    private static func report(_ error: YamlError, lines: [String], log: inout DiagnosticLog) {
        let hint = YAMLErrorHint(error, lines: lines)?.text
        switch error {
        case .scanner(_, let problem, let mark, _),
             .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            log.error("invalid YAML: \(problem)", at: mark, hint: hint)
        case .reader(let problem, let offset, _, let yaml):
            let (line, column) = position(ofCharacter: offset ?? 0, in: yaml)
            log.error("the file cannot be read as YAML: \(problem)", line: line, column: column, hint: hint)
        default:
            log.error("the file cannot be read as YAML: \(error)", line: 1, column: 1)
        }
    }

    private static func position(ofCharacter offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1
        for character in text.prefix(offset) {
            if character.isNewline { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
