/// Levenshtein distance and "did you mean" suggestions, shared by every lookup that
/// suggests a correction (event types, API versions, config keys).
public enum EditDistance {
    /// The number of single-character insertions, deletions or substitutions that turn
    /// `a` into `b`, compared case-insensitively.
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased().unicodeScalars), b = Array(b.lowercased().unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidates closest to `word`, best first, at most `limit` of them, keeping only
    /// those close enough to be a plausible typo (a third of the word's length, at least 2)
    /// and no more than one edit worse than the best.
    public static func closest(to word: String, in candidates: some Sequence<String>, limit: Int = 1) -> [String] {
        // Long inputs are not typos of short config words; skipping them keeps a
        // pathological value (a megabyte-long key) from costing a quadratic comparison.
        guard word.unicodeScalars.count <= 200 else { return [] }
        let threshold = max(2, word.count / 3)
        let scored = candidates
            .map { (candidate: $0, distance: between(word, $0)) }
            .filter { $0.distance <= threshold }
            .sorted { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }
        guard let best = scored.first?.distance else { return [] }
        return scored.prefix { $0.distance <= best + 1 }.prefix(limit).map(\.candidate)
    }
}
