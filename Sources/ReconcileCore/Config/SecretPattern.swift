/// Stripe secrets (API keys, restricted keys, signing secrets) found in text, and text
/// with them redacted, so a diagnostic never prints the secret it complains about.
public enum SecretPattern {
    /// The prefixes of Stripe's secret keys, restricted keys and webhook signing secrets.
    public static let prefixes = ["sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_"]

    /// One secret-looking token in a text.
    public struct Match: Sendable, Equatable {
        /// 0-based offset of the token in Unicode scalars.
        public var offset: Int
        /// The prefix found, such as `sk_live_`: the only part ever shown.
        public var prefix: String
        /// Scalars in the token, the prefix included.
        public var length: Int
    }

    /// Every secret-looking token in `text`: a prefix that starts a word, followed by at
    /// least one letter or digit (so prose such as "whsec_ values" is not one).
    public static func matches(in text: String) -> [Match] {
        let scalars = Array(text.unicodeScalars)
        var found: [Match] = []
        var i = 0
        while i < scalars.count {
            if (i == 0 || !isTokenScalar(scalars[i - 1])), let prefix = prefix(at: i, in: scalars) {
                var end = i + prefix.unicodeScalars.count
                if end < scalars.count, isAlphanumeric(scalars[end]) {
                    while end < scalars.count, isTokenScalar(scalars[end]) { end += 1 }
                    found.append(Match(offset: i, prefix: prefix, length: end - i))
                    i = end
                    continue
                }
            }
            i += 1
        }
        return found
    }

    /// Whether `text` may hold a match: it contains `k_` or `whsec_` (every prefix ends in
    /// one of them). A quick byte scan that lets clean files skip ``matches(in:)``.
    public static func mayMatch(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let k = UInt8(ascii: "k"), underscore = UInt8(ascii: "_"), whsec = Array("whsec_".utf8)
        for i in bytes.indices where bytes[i] == underscore && i > 0 {
            if bytes[i - 1] == k { return true }
            if i >= 5, bytes[(i - 5)...i].elementsEqual(whsec) { return true }
        }
        return false
    }

    /// `text` with every secret-looking token kept to its prefix and the rest replaced by
    /// `*`, so columns still line up: `sk_live_****************`.
    public static func redacted(_ text: String) -> String {
        let found = matches(in: text)
        guard !found.isEmpty else { return text }
        var scalars = Array(text.unicodeScalars)
        for match in found {
            let start = match.offset + match.prefix.unicodeScalars.count
            for j in start..<(match.offset + match.length) { scalars[j] = "*" }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    private static func prefix(at i: Int, in scalars: [Unicode.Scalar]) -> String? {
        prefixes.first { prefix in
            let p = Array(prefix.unicodeScalars)
            return i + p.count <= scalars.count && Array(scalars[i..<(i + p.count)]) == p
        }
    }

    private static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
    }

    private static func isTokenScalar(_ s: Unicode.Scalar) -> Bool { isAlphanumeric(s) || s == "_" }
}
