/// Removes secrets from text that may be shown: API keys, signing secrets and
/// `Bearer` credentials, whatever a response body echoes back.
public struct SecretRedactor: Sendable {
    private let literals: [String]
    /// What every key pattern contains.
    private static let keyMarkers = ["k_test_", "k_live_", "whsec_"]

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
        // Regex literals are built anew each time they are evaluated, which costs more than
        // a request: every request id passes through here, so look for the patterns' fixed
        // parts first.
        if Self.keyMarkers.contains(where: { result.contains($0) }) {
            // Restricted keys echoed by a 403 arrive masked (`rk_test_***abcd`); masking the
            // visible tail too costs nothing.
            let keyPattern = #/\b((?:sk|rk|pk)_(?:test|live)_|whsec_|ek_(?:test|live)_)[A-Za-z0-9*]+/#
            result = result.replacing(keyPattern) { match in "\(match.output.1)[redacted]" }
        }
        if result.lowercased().contains("bearer") {
            result = result.replacing(#/(?i:bearer)\s+[^\s"',]+/#) { _ in "Bearer [redacted]" }
        }
        return result
    }
}
