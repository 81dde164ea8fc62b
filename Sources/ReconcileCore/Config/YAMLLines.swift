/// A text's lines as the YAML parser numbers them: a line ends at LF, CR, CRLF, NEL, LS
/// or PS. Marks (line, column) count lines this way, so every line a diagnostic quotes or
/// a scan reads is split by it too. (Split at LF alone, a file with lone CRs has fewer
/// lines than the marks count: a duplicate key's mark pointed past the last line, a crash
/// the fuzzer found, and diagnostics quoted no line or the wrong one.)
enum YAMLLines {
    /// Every line, without its break.
    static func all(_ text: String) -> [String] {
        var lines: [String] = []
        scan(text) { line in
            lines.append(line)
            return true
        }
        return lines
    }

    /// The 1-based line `number`, without its break; nil past the last line.
    static func line(_ number: Int, of text: String) -> String? {
        guard number >= 1 else { return nil }
        var found: String?
        var current = 0
        scan(text) { line in
            current += 1
            guard current == number else { return true }
            found = line
            return false
        }
        return found
    }

    /// Hands each line to `body`, in order, until it returns false. Works on the UTF-8
    /// bytes: a valid file is never split, and an error quoting one line splits only up to it.
    private static func scan(_ text: String, _ body: (String) -> Bool) {
        let bytes = text.utf8
        var start = bytes.startIndex
        var i = start
        while i != bytes.endIndex {
            let next = bytes.index(after: i)
            let breakEnd: String.UTF8View.Index?
            switch bytes[i] {
            case 0x0A: breakEnd = next
            case 0x0D: breakEnd = next != bytes.endIndex && bytes[next] == 0x0A ? bytes.index(after: next) : next
            // NEL is C2 85; LS and PS are E2 80 A8 and E2 80 A9.
            case 0xC2: breakEnd = next != bytes.endIndex && bytes[next] == 0x85 ? bytes.index(after: next) : nil
            case 0xE2:
                let third = next == bytes.endIndex ? next : bytes.index(after: next)
                breakEnd = third != bytes.endIndex && bytes[next] == 0x80 && (bytes[third] == 0xA8 || bytes[third] == 0xA9)
                    ? bytes.index(after: third) : nil
            default: breakEnd = nil
            }
            guard let breakEnd else {
                i = next
                continue
            }
            guard body(String(decoding: bytes[start..<i], as: UTF8.self)) else { return }
            start = breakEnd
            i = breakEnd
        }
        _ = body(String(decoding: bytes[start...], as: UTF8.self))
    }
}
