/// Removes secrets from text that may be shown: API keys, signing secrets and
/// `Bearer` credentials, whatever a response body echoes back.
public struct SecretRedactor: Sendable {
    private let literals: [String]

    /// Creates a redactor that also removes each of `literals` (the run's API key).
    public init(literals: [String] = []) {
        self.literals = literals.filter { $0.count >= 8 }
    }

    /// `text` with every secret replaced by its prefix and `[redacted]`:
    /// `sk_test_abc` → `sk_test_[redacted]`, `whsec_abc` → `whsec_[redacted]`.
    public func redact(_ text: String) -> String {
        var result = text
        for literal in literals {
            result = result.replacing(literal, with: "[redacted]")
        }
        // Restricted keys echoed by a 403 arrive masked (`rk_test_***abcd`); masking the
        // visible tail too costs nothing.
        let keyPattern = #/\b((?:sk|rk|pk)_(?:test|live)_|whsec_|ek_(?:test|live)_)[A-Za-z0-9*]+/#
        result = result.replacing(keyPattern) { match in "\(match.output.1)[redacted]" }
        result = result.replacing(#/(?i:bearer)\s+[^\s"',]+/#) { _ in "Bearer [redacted]" }
        return result
    }
}
