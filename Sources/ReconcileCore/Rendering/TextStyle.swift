/// ANSI styling of text for people, in one place: what each colour is, and whether colour
/// is on at all. Diagnostics, plans and the CLI's own messages all paint through it.
public struct TextStyle: Sendable, Equatable {
    /// Whether escapes are written; off, `paint` returns the text unchanged.
    public var enabled: Bool

    /// No colour: for files, pipes and tests.
    public static let plain = TextStyle(enabled: false)

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Colour only on a terminal, and never with `NO_COLOR` set to anything
    /// (https://no-color.org) or `TERM=dumb`.
    public static func forTerminal(isTTY: Bool, environment: [String: String]) -> TextStyle {
        TextStyle(enabled: isTTY && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb")
    }

    /// The colours and weights in use.
    public enum Colour: String, Sendable {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", magenta = "35", cyan = "36"
        case boldRed = "1;31", boldGreen = "1;32", boldCyan = "1;36"
    }

    /// `text` in `colour`, or as it is when colour is off.
    public func paint(_ text: String, _ colour: Colour) -> String {
        enabled ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }
}
