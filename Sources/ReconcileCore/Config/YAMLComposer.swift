import Yams

/// Composes the YAML node tree, turning libyaml's errors into located diagnostics and
/// recovering from duplicate keys so the rest of the file is still checked.
///
/// Yams refuses a mapping with a repeated key by throwing, which would end the check of
/// the file there. Instead every later occurrence of each key it names is reported where
/// it is written, then renamed in a private copy of the text to a placeholder of the same
/// width (so every other position stays true) that the reader skips; composing is then
/// retried, once per mapping with repeated keys. (Yams cannot be told to keep duplicates,
/// and its events are not public: composing again is the only way on.)
enum YAMLComposer {
    /// Private-use scalars: they cannot appear in a key the reader accepts.
    static let placeholderBase: UInt32 = 0xE000
    /// One placeholder per renamed key, so that no two renamed keys repeat each other.
    private static let placeholderCount: UInt32 = 0x1000
    /// Each retry reports at least one duplicate key, so after this many the log is full:
    /// more would only add to the count of errors not shown, each time parsing the whole
    /// file again (a pathological file of a thousand one-line `{a: 1, a: 1}` mappings
    /// would be parsed a thousand times).
    private static let maxRetries = DiagnosticLog.limit

    static func isPlaceholder(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first else { return false }
        return (placeholderBase..<placeholderBase + placeholderCount).contains(first.value)
    }

    static func compose(_ text: String, log: inout DiagnosticLog) -> Node? {
        composition(of: text, log: &log).root
    }

    /// The node tree, and how many times the text was composed to get it: once, plus once
    /// per mapping with repeated keys.
    static func composition(of text: String, log: inout DiagnosticLog) -> (root: Node?, attempts: Int) {
        // Split only once a duplicate key needs renaming: most files compose at once.
        lazy var lines = YAMLLines.all(text)
        var renamed: UInt32 = 0
        for attempt in 1...(1 + maxRetries) {
            do {
                // The basic resolver tags every plain scalar a string without running the
                // default resolver's regular expressions on each one (most of the parse
                // time); the reader tells null, numbers and booleans apart itself. The
                // encoding is named because Yams' default reads the whole process
                // environment on every call.
                let root = try Yams.compose(yaml: attempt == 1 ? text : lines.joined(separator: "\n"), .basic, .default, .utf8)
                return (root, attempt)
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                guard renameRepeats(of: duplicates, firstAt: context.mark, in: &lines, renamed: &renamed, log: &log) else {
                    return (nil, attempt)
                }
            } catch let error as YamlError {
                report(error, lines: lines, log: &log)
                return (nil, attempt)
            } catch {
                log.error("the file could not be read as YAML: \(error)", line: 1, column: 1)
                return (nil, attempt)
            }
        }
        return (nil, 1 + maxRetries)
    }

    /// Reports every later occurrence of `names`, the repeated keys of one mapping, and
    /// renames them in `lines`. False when composing cannot go on: the first name is not
    /// found again, or a key cannot be renamed.
    private static func renameRepeats(of names: [String], firstAt mark: Mark, in lines: inout [String],
                                      renamed: inout UInt32, log: inout DiagnosticLog) -> Bool {
        let repeats = repeats(of: names, firstAt: mark, in: lines)
        guard let first = repeats.first, !first.later.isEmpty else {
            log.error("duplicate key `\(names.first ?? "")` in this mapping", at: mark,
                      hint: "each key may appear once in a mapping; remove the extra one")
            return false
        }
        var renames: [(position: MappingKeys.Position, width: Int, placeholder: UInt32)] = []
        for (name, firstLine, later) in repeats {
            for position in later {
                log.error("duplicate key `\(name)`: it is already set at line \(firstLine)",
                          line: position.line + 1, column: position.column + 1,
                          hint: "each key may appear once in a mapping (YAML would silently keep only one); remove one of them")
                renames.append((position, name.unicodeScalars.count, placeholderBase + renamed))
                renamed += 1
            }
        }
        guard renamed <= placeholderCount, !renames.contains(where: { $0.width == 0 }) else { return false }
        // Line by line: a flow mapping may hold thousands of repeats on one long line.
        for (line, onLine) in Dictionary(grouping: renames, by: \.position.line) {
            var scalars = Array(lines[line].unicodeScalars)
            for (position, width, placeholder) in onLine {
                for column in position.column..<(position.column + width) { scalars[column] = Unicode.Scalar(placeholder)! }
            }
            lines[line] = String(String.UnicodeScalarView(scalars))
        }
        return true
    }

    /// For each of `names` (sorted, as Yams gives them, with where the first name is first
    /// written), the line it is first set on and where each later occurrence's name is.
    /// Only the first name is certain to be there; another the scan cannot place is left to
    /// the next attempt, where Yams says where it first is.
    private static func repeats(of names: [String], firstAt mark: Mark, in lines: [String])
        -> [(name: String, firstLine: Int, later: [MappingKeys.Position])] {
        let first = MappingKeys.Position(line: mark.line - 1, column: mark.column - 1)
        let keys = MappingKeys(around: first, in: lines)
        let written = Dictionary(grouping: keys?.names(in: lines) ?? [], by: \.text)
        return names.enumerated().compactMap { index, name in
            let occurrences = written[name] ?? []
            // Where Yams says it is, even if an escape or an anchor hides it from the scan.
            if index == 0 { return (name, mark.line, occurrences.filter { $0.key > first }.map(\.name)) }
            guard keys?.complete == true, let earliest = occurrences.first, occurrences.count > 1 else { return nil }
            return (name, earliest.key.line + 1, occurrences.dropFirst().map(\.name))
        }
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
