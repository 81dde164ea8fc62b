/// A position in a config file: the file as given, and a 1-based line and column
/// (columns count Unicode scalars, as libyaml does). Line 0 means the file as a whole
/// (it is missing, unreadable or too large).
public struct ConfigLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path as given on the command line (or in the folder).
    public var file: String
    /// 1-based; 0 for the whole file.
    public var line: Int
    /// 1-based, in Unicode scalars; 0 for the whole file.
    public var column: Int

    /// A position in `file`.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The whole file, for errors that are about no line in it.
    public static func file(_ file: String) -> ConfigLocation { ConfigLocation(file: file, line: 0, column: 0) }

    /// `FILE:LINE:COLUMN`, the form editors and CI annotations jump to; `FILE` alone for
    /// the whole file.
    public var description: String { line == 0 ? file : "\(file):\(line):\(column)" }

    /// File, then line, then column.
    public static func < (a: ConfigLocation, b: ConfigLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
