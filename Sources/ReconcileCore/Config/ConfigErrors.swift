/// Every error found in one or more config files, in file order then position.
public struct ConfigErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Every diagnostic rendered, separated by blank lines, with a closing count.
    public func rendered(colour: Bool = false) -> String {
        let count = diagnostics.count
        let files = Set(diagnostics.map(\.location.file)).count
        let summary = "\(count) error\(count == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s"); nothing was sent to Stripe"
        return (diagnostics.map { $0.rendered(colour: colour) } + [summary]).joined(separator: "\n\n")
    }

    public var description: String { rendered() }
}
