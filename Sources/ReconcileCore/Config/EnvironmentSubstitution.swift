import Foundation

/// `${NAME}` and `${NAME:-default}` in string values, replaced from an environment
/// passed in; `$${` writes a literal `${`.
public enum EnvironmentSubstitution {
    /// Why a value could not be substituted.
    public struct Failure: Error, Sendable, Equatable {
        /// What is wrong.
        public var message: String
        /// What would be right.
        public var hint: String?
    }

    /// `text` with every reference replaced, or the first reference that cannot be.
    /// A default applies when the variable is unset or empty, as in the shell.
    public static func substitute(_ text: String, environment: [String: String]) -> Result<String, Failure> {
        // A byte scan: Foundation's `contains` on a String goes through NSString.
        guard text.utf8.contains(UInt8(ascii: "$")) else { return .success(text) }
        var output = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            output += rest[..<dollar]
            let after = rest[dollar...].dropFirst()
            if after.hasPrefix("${") {
                output += "${"
                rest = after.dropFirst(2)
                continue
            }
            guard after.hasPrefix("{") else {
                output += "$"
                rest = after
                continue
            }
            guard let close = after.firstIndex(of: "}") else {
                return .failure(Failure(message: "unterminated `${` in a value", hint: "write `${NAME}`, or `$${` for a literal `${`"))
            }
            let body = after[after.index(after: after.startIndex)..<close]
            let (name, fallback) = split(body)
            guard isVariableName(name) else {
                return .failure(Failure(
                    message: "`${\(body)}` does not name an environment variable",
                    hint: "write `${NAME}` or `${NAME:-default}`, NAME made of letters, digits and `_`"))
            }
            if let value = environment[String(name)], !(value.isEmpty && fallback != nil) {
                output += value
            } else if let fallback {
                output += fallback
            } else {
                return .failure(Failure(
                    message: "environment variable `\(name)` is not set",
                    hint: "set \(name), or give a default: `${\(name):-value}`"))
            }
            rest = after[after.index(after: close)...]
        }
        output += rest
        return .success(output)
    }

    /// Whether `name` is a portable environment variable name: `[A-Za-z_][A-Za-z0-9_]*`.
    public static func isVariableName(_ name: some StringProtocol) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || isLetter(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || isLetter($0) || ("0"..."9").contains($0) }
    }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) }

    private static func split(_ body: Substring) -> (Substring, String?) {
        guard let range = body.range(of: ":-") else { return (body, nil) }
        return (body[..<range.lowerBound], String(body[range.upperBound...]))
    }
}
