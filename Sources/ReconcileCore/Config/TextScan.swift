/// Checks on the raw text that come before YAML parsing: they hold even where the YAML
/// does not parse, and a secret must be caught wherever it is, comments included.
enum TextScan {
    /// For a tab where YAML wants spaces, here and where libyaml stops at one.
    static let tabHint = "YAML indents with spaces only; replace the tab with spaces"

    /// Tabs used for indentation: YAML forbids them, and libyaml's own message
    /// ("found character that cannot start any token") does not say so.
    static func tabs(in log: inout DiagnosticLog) -> Bool {
        var found = false
        for (index, line) in log.lines.enumerated() {
            let number = index + 1
            let indent = line.unicodeScalars.prefix { $0 == " " || $0 == "\t" }
            guard let tab = indent.firstIndex(of: "\t"), indent.count < line.unicodeScalars.count else { continue }
            let column = indent.distance(from: indent.startIndex, to: tab) + 1
            log.error("tab character in indentation", line: number, column: column,
                      hint: tabHint)
            found = true
        }
        return found
    }

    /// Secret-looking tokens anywhere in the file.
    static func secrets(in log: inout DiagnosticLog) {
        for (index, line) in log.lines.enumerated() where line.contains("_") {
            let number = index + 1
            for match in SecretPattern.matches(in: line) {
                log.error(
                    "this looks like a Stripe secret (`\(match.prefix)…`); secrets must not be written in a config file",
                    line: number, column: match.offset + 1,
                    hint: "remove it from the file (and rotate it if it was committed); the API key is read from the environment variable named by `stripe.api_key_env`")
            }
        }
    }
}
