import Yams

/// The hint under a YAML syntax error, decided by what libyaml was doing when it failed
/// (its stage, and where what it was reading started) and by the text at the error's
/// mark: never by libyaml's English message, which an upgrade may reword.
struct YAMLErrorHint {
    /// The libyaml stage that failed.
    enum Stage { case reader, scanner, parser, composer }

    /// What libyaml was reading when it failed, as it describes it (printed, never
    /// compared), and where that started.
    struct Context {
        var text: String
        var line: Int
        var column: Int
    }

    var stage: Stage
    /// The character at the mark; nil at the end of its line.
    var character: Unicode.Scalar?
    var context: Context?
    /// The mark's 1-based line and column.
    var line: Int
    var column: Int
    /// How deeply the text nests on the mark's line (see `nesting(of:)`); counted for
    /// parser errors only.
    var nesting: Int

    /// libyaml refuses 1,000 levels of nesting; `nesting(of:)` only estimates them, so
    /// the threshold is well below that, and still far beyond a config (a few levels).
    static let deepNesting = 500

    /// The facts `error` gives, and `lines` (as `YAMLLines` splits the text)
    /// at its mark; nil for errors that are not about the text.
    init?(_ error: YamlError, lines: [String]) {
        switch error {
        case .reader: self.init(stage: .reader)
        case .scanner(let context, _, let mark, _): self.init(.scanner, context: context, mark: mark, lines: lines)
        case .parser(let context, _, let mark, _): self.init(.parser, context: context, mark: mark, lines: lines)
        case .composer(let context, _, let mark, _): self.init(.composer, context: context, mark: mark, lines: lines)
        default: return nil
        }
    }

    init(stage: Stage, character: Unicode.Scalar? = nil, context: Context? = nil, line: Int = 1, column: Int = 1, nesting: Int = 0) {
        self.stage = stage
        self.character = character
        self.context = context
        self.line = line
        self.column = column
        self.nesting = nesting
    }

    private init(_ stage: Stage, context: YamlError.Context?, mark: Mark, lines: [String]) {
        let text = lines.indices.contains(mark.line - 1) ? lines[mark.line - 1] : ""
        self.init(stage: stage, character: text.unicodeScalars.dropFirst(max(mark.column - 1, 0)).first,
                  context: context.map { Context(text: $0.text, line: $0.mark.line, column: $0.mark.column) },
                  line: mark.line, column: mark.column,
                  nesting: stage == .parser ? Self.nesting(of: lines.prefix(mark.line)) : 0)
    }

    /// The hint, if there is a useful one.
    var text: String? {
        switch stage {
        case .reader:
            return "a config file is plain UTF-8 text; remove control characters"
        case .scanner where context.map { $0.line == line && $0.column == column } == true:
            // The scanner was between tokens: the character at the mark cannot start one.
            if character == "\t" { return TextScan.tabHint }
            return "a value starting with `\(character.map(String.init) ?? "this character")` must be quoted"
        case .scanner where context == nil && character == ":":
            // A `:` the scanner meets outside any token it reads is a mapping value indicator
            // where none may be: within a plain value, or on a line indented too far.
            return "a value containing `: ` must be quoted, or this line's indentation is off"
        case .composer where character == "*":
            return "aliases (`*name`) are not supported here; write the value out"
        case .parser where nesting >= Self.deepNesting:
            return "the values nest too deeply; a config file nests a few levels at most"
        default:
            guard let context, !context.text.isEmpty else { return "check the indentation and quoting of this line and the one above" }
            return "\(context.text) started at line \(context.line), column \(context.column); check its indentation and quoting"
        }
    }

    /// How deeply `lines` nest on the last one: the `[` and `{` open there, plus the block
    /// levels around it (its indentation's, and one per `- `, `? ` or `: ` it starts with),
    /// at its deepest point. The whole line counts: libyaml reads ahead of the mark, which
    /// can be at the first of a thousand `[`. An estimate (brackets in quotes and comments
    /// count too), enough to tell a file refused for its depth from a config.
    static func nesting(of lines: some Sequence<String>) -> Int {
        var indents: [Int] = []
        var flow = 0
        var deepest = 0
        for line in lines {
            let scalars = Array(line.unicodeScalars)
            var column = scalars.prefix { $0 == " " }.count
            if flow == 0, column < scalars.count, scalars[column] != "#" {
                while let last = indents.last, last >= column { indents.removeLast() }
                indents.append(column)
                while column + 1 < scalars.count, "-?:".unicodeScalars.contains(scalars[column]), scalars[column + 1] == " " {
                    column += 2
                    while column < scalars.count, scalars[column] == " " { column += 1 }
                    indents.append(column)
                }
            }
            deepest = indents.count + flow
            for scalar in scalars[column...] {
                switch scalar {
                case "[", "{": flow += 1
                case "]", "}": flow = max(flow - 1, 0)
                default: continue
                }
                deepest = max(deepest, indents.count + flow)
            }
        }
        return deepest
    }
}
