/// Text from the network or a file made safe to print: control characters shown as
/// escapes instead of acting on the reader's terminal (or a PR comment).
///
/// A url, description, metadata value or id from Stripe, or a value from a config file,
/// may hold `ESC ] 0;… BEL` (retitles the window), `ESC [2J` (clears the screen), a `CR`
/// that overprints a line, or a bidirectional override that reorders what is shown. Each
/// such character prints as `\n`, `\r`, `\t` or `\u{XX}`; everything else is unchanged.
public enum TerminalText {
    /// `text` with every control character escaped; tabs kept when `keepTabs` (a quoted
    /// source line, whose caret is aligned with tabs).
    public static func escaped(_ text: String, keepTabs: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && !(keepTabs && $0 == "\t") }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar), !(keepTabs && scalar == "\t") else {
                out.append(scalar)
                continue
            }
            let escape: String = switch scalar {
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
            out.append(contentsOf: escape.unicodeScalars)
        }
        return String(out)
    }

    /// C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional
    /// embedding, override and isolate characters.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }
}

extension String {
    /// The string with control characters escaped: ``TerminalText/escaped(_:keepTabs:)``.
    public var terminalSafe: String { TerminalText.escaped(self) }
}
