/// Where the keys of one mapping are written, found from where one of them is. Yams says
/// only where the first of a repeated key is; recovering from duplicate keys needs every
/// occurrence of each.
///
/// A scan of the text around that key, not a parser: a block mapping's keys start at its
/// column, on the lines up to one indented less; a flow mapping's follow its `{` and its
/// commas. A key the scan cannot match (written with escapes, say) is left to the next
/// attempt to compose, where Yams says where it is.
struct MappingKeys {
    /// A 0-based line, as `YAMLLines` splits the text, and scalar offset in it.
    struct Position: Comparable {
        var line: Int
        var column: Int

        static func < (a: Position, b: Position) -> Bool { (a.line, a.column) < (b.line, b.column) }
    }

    /// Where each key starts (at its anchor or tag, if it has one), in text order.
    private(set) var starts: [Position]
    /// Whether `starts` begins with the mapping's first key; if not, with the given one.
    private(set) var complete: Bool

    /// The keys of the mapping that has a key starting at `key`; nil if `key` is not in
    /// `lines`.
    init?(around key: Position, in lines: [String]) {
        guard lines.indices.contains(key.line), (0...lines[key.line].unicodeScalars.count).contains(key.column) else { return nil }
        var before = lines[key.line].unicodeScalars.prefix(key.column).filter { $0 != " " }
        if before.last == "?" { before.removeLast() }
        let afterBraceOrComma = before.last == "{" || before.last == ","
        if afterBraceOrComma || (before.isEmpty && Self.previousLineEndsInFlow(before: key.line, in: lines)) {
            if let brace = Self.openingBrace(before: key, in: lines),
               let starts = Self.flowKeys(from: Position(line: brace.line, column: brace.column + 1), in: lines),
               starts.contains(key) {
                (self.starts, self.complete) = (starts, true)
                return
            }
            // After a `{` or `,` on its own line the key is certainly in a flow mapping,
            // whose start a quoted bracket hid: at least the keys from this one on are found.
            if afterBraceOrComma {
                (self.starts, self.complete) = (Self.flowKeys(from: key, in: lines) ?? [key], false)
                return
            }
        }
        (self.starts, self.complete) = Self.blockKeys(around: key, in: lines)
    }

    /// Each key whose name the scan can read: where the key starts, where its name does
    /// (past an anchor, a tag or an opening quote), and the name.
    func names(in lines: [String]) -> [(key: Position, name: Position, text: String)] {
        var line = -1
        var scalars: [Unicode.Scalar] = []
        return starts.compactMap { start in
            if start.line != line { (line, scalars) = (start.line, Array(lines[start.line].unicodeScalars)) }
            return Self.name(ofKeyAt: start.column, in: scalars).map { (start, Position(line: line, column: $0.offset), $0.text) }
        }
    }

    /// The name of the key starting at `start`, after any anchor or tag: quoted, or plain up
    /// to its `:` (spaces before it dropped). Escapes are not read: such a name does not
    /// match the one Yams gives.
    private static func name(ofKeyAt start: Int, in scalars: [Unicode.Scalar]) -> (offset: Int, text: String)? {
        var i = start
        while i < scalars.count, scalars[i] == "&" || scalars[i] == "!" {
            while i < scalars.count, scalars[i] != " " { i += 1 }
            while i < scalars.count, scalars[i] == " " { i += 1 }
        }
        guard i < scalars.count else { return nil }
        var end = i
        if scalars[i] == "\"" || scalars[i] == "'" {
            guard let close = scalars[(i + 1)...].firstIndex(of: scalars[i]) else { return nil }
            (i, end) = (i + 1, close)
        } else {
            while end < scalars.count, !(scalars[end] == ":" && (end + 1 == scalars.count || " ,[]{}".unicodeScalars.contains(scalars[end + 1]))) {
                end += 1
            }
            guard end < scalars.count else { return nil }
            while end > i, scalars[end - 1] == " " { end -= 1 }
        }
        return (i, String(String.UnicodeScalarView(scalars[i..<end])))
    }

    // MARK: Block mappings

    /// The keys at `key`'s column, back to the line that opens the mapping and on to the
    /// one that closes it.
    private static func blockKeys(around key: Position, in lines: [String]) -> ([Position], Bool) {
        let column = key.column
        let own = Array(lines[key.line].unicodeScalars)
        var before: [Position] = []
        // On a line of its own the key may follow others; after `- ` or `? ` it opens the
        // mapping (anything else before it, and the scan knows only the keys after it).
        let indented = own[..<column].allSatisfy { $0 == " " }
        if indented {
            backwards: for number in stride(from: key.line - 1, through: 0, by: -1) {
                switch role(of: Array(lines[number].unicodeScalars), column: column) {
                case .inside: continue
                case .key: before.append(Position(line: number, column: column))
                case .opening: before.append(Position(line: number, column: column)); break backwards
                case .outside: break backwards
                }
            }
        }
        var after: [Position] = []
        forwards: for number in (key.line + 1)..<lines.count {
            switch role(of: Array(lines[number].unicodeScalars), column: column) {
            case .inside: continue
            case .key: after.append(Position(line: number, column: column))
            case .opening, .outside: break forwards
            }
        }
        let complete = indented || own[..<column].allSatisfy { $0 == " " || $0 == "-" || $0 == "?" }
        return (before.reversed() + [key] + after, complete)
    }

    private enum Role {
        /// Blank, a comment, or part of a value: more indented, or a `- ` list at the keys'
        /// column (YAML lets a key's list start there).
        case inside
        /// A key at the mapping's column.
        case key
        /// Less indented, with a key at the column after `- ` or `? `: the mapping's first line.
        case opening
        /// Less indented, or a document marker: not in the mapping.
        case outside
    }

    private static func role(of scalars: [Unicode.Scalar], column: Int) -> Role {
        let indent = scalars.prefix { $0 == " " }.count
        if indent == scalars.count || scalars[indent] == "#" || indent > column { return .inside }
        if indent == column {
            if column == 0, scalars.starts(with: "---".unicodeScalars) || scalars.starts(with: "...".unicodeScalars) { return .outside }
            if scalars[indent] == "-", indent + 1 == scalars.count || scalars[indent + 1] == " " { return .inside }
            return .key
        }
        let indicators = scalars[indent..<min(column, scalars.count)]
        if column < scalars.count, scalars[column] != " ", scalars[column - 1] == " ",
           indicators.allSatisfy({ $0 == " " || $0 == "-" || $0 == "?" }) {
            return .opening
        }
        return .outside
    }

    // MARK: Flow mappings

    /// Whether the last line before `line` with anything on it ends in `{` or `,`: a key
    /// at the start of a line may then be in a flow mapping.
    private static func previousLineEndsInFlow(before line: Int, in lines: [String]) -> Bool {
        for number in stride(from: line - 1, through: 0, by: -1) {
            let scalars = Array(lines[number].unicodeScalars)
            let comment = scalars.indices.first { scalars[$0] == "#" && ($0 == 0 || scalars[$0 - 1] == " ") } ?? scalars.count
            guard let last = scalars[..<comment].last(where: { $0 != " " }) else { continue }
            return last == "{" || last == ","
        }
        return false
    }

    /// The `{` of the flow mapping around `key`, counting brackets back from it (quotes are
    /// not told apart: `flowKeys` from the brace then has to meet the key).
    private static func openingBrace(before key: Position, in lines: [String]) -> Position? {
        var depth = 0
        var scalars = Array(lines[key.line].unicodeScalars.prefix(key.column))
        var line = key.line
        while true {
            for column in scalars.indices.reversed() {
                switch scalars[column] {
                case "]", "}": depth += 1
                case "[", "{":
                    guard depth == 0 else { depth -= 1; continue }
                    return scalars[column] == "{" ? Position(line: line, column: column) : nil
                default: continue
                }
            }
            guard line > 0 else { return nil }
            line -= 1
            scalars = Array(lines[line].unicodeScalars)
        }
    }

    /// The keys of a flow mapping from `start` (its first key, or the one after its `{`)
    /// to its `}`: the first token after the start and after each comma at its level.
    /// Quoted scalars are skipped whole, so their commas and brackets do not count. Nil if
    /// the text ends first: what began at `start` was no flow mapping.
    private static func flowKeys(from start: Position, in lines: [String]) -> [Position]? {
        enum State { case betweenTokens, plain, quoted(Unicode.Scalar), afterNode }
        var keys: [Position] = []
        var depth = 0
        var expectingKey = true
        var state = State.betweenTokens
        var position = start
        while position.line < lines.count {
            let scalars = Array(lines[position.line].unicodeScalars)
            var i = position.column
            line: while i < scalars.count {
                let scalar = scalars[i]
                let next = i + 1 < scalars.count ? scalars[i + 1] : " "
                switch state {
                case .quoted(let quote):
                    if scalar == "\\", quote == "\"" { i += 1 }
                    else if scalar == quote, quote == "'", next == "'" { i += 1 }
                    else if scalar == quote { state = .afterNode }
                    i += 1
                    continue
                case .plain where !"[]{},".unicodeScalars.contains(scalar) && !(scalar == ":" && " []{},".unicodeScalars.contains(next))
                    && !(scalar == "#" && (i == 0 || scalars[i - 1] == " ")):
                    i += 1
                    continue
                default:
                    break
                }
                switch scalar {
                case " ", "\t":
                    break
                case "#" where i == 0 || scalars[i - 1] == " ":
                    if case .plain = state { state = .afterNode }
                    break line
                case "[", "{":
                    if expectingKey, depth == 0 { keys.append(Position(line: position.line, column: i)) }
                    expectingKey = false
                    depth += 1
                    state = .betweenTokens
                case "]", "}":
                    depth -= 1
                    if depth < 0 { return keys }
                    state = .afterNode
                case ",":
                    if depth == 0 { expectingKey = true }
                    state = .betweenTokens
                case ":" where " []{},".unicodeScalars.contains(next), "?" where next == " ":
                    state = .betweenTokens
                default:
                    if expectingKey, depth == 0 { keys.append(Position(line: position.line, column: i)) }
                    expectingKey = false
                    if case .betweenTokens = state, scalar == "\"" || scalar == "'" {
                        state = .quoted(scalar)
                    } else {
                        state = .plain
                    }
                }
                i += 1
            }
            position = Position(line: position.line + 1, column: 0)
        }
        return nil
    }
}
