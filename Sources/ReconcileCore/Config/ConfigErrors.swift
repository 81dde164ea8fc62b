/// Every error found in one or more config files, in file order then position.
public struct ConfigErrors: Error, Sendable, Equatable, CustomStringConvertible {
    /// The errors, located.
    public var diagnostics: [Diagnostic]
    /// Errors found but not kept: each file keeps its first 100.
    public var unshown: Int

    /// Errors from `diagnostics`, plus a count of others found but not kept.
    public init(_ diagnostics: [Diagnostic], unshown: Int = 0) {
        self.diagnostics = diagnostics
        self.unshown = unshown
    }

    /// Every diagnostic rendered, separated by blank lines, with a closing count.
    public func rendered(style: TextStyle = .plain) -> String {
        let count = diagnostics.count + unshown
        let files = Set(diagnostics.map(\.location.file)).count
        var summary = "\(count) error\(count == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s"); nothing was sent to Stripe"
        if unshown > 0 { summary = "\(unshown) more not shown (at most 100 per file)\n" + summary }
        return (diagnostics.map { $0.rendered(style: style) } + [summary]).joined(separator: "\n\n")
    }

    public var description: String { rendered() }
}
