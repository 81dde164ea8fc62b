/// A position in a config file: the file as given, and a 1-based line and column
/// (columns count Unicode scalars, as libyaml does).
public struct ConfigLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COLUMN`, the form editors and CI annotations jump to.
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: ConfigLocation, b: ConfigLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
