/// Stripe's API versions: the known list and the checks `api_version` values get.
public struct APIVersions: Sendable {
    /// Every known version, oldest first.
    public let versions: [String]
    private let known: Set<String>

    /// The versions bundled with this build (`data/stripe/api-versions.txt`).
    public static let bundled = APIVersions(versions: bundledVersions)

    /// A list of the given versions.
    public init(versions: [String]) {
        self.versions = versions
        known = Set(versions)
    }

    /// The newest known version.
    public var latest: String? { versions.last }

    /// Whether `version` is a known version, exactly.
    public func contains(_ version: String) -> Bool { known.contains(version) }

    /// Whether `version` has the shape of a Stripe API version, `YYYY-MM-DD` optionally
    /// followed by `.name` (`2024-09-30.acacia`), so it may be newer than the bundled list.
    public static func isWellFormed(_ version: String) -> Bool {
        let parts = version.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let date = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard date.map(\.count) == [4, 2, 2], date.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            return false
        }
        guard parts.count == 2 else { return true }
        return !parts[1].isEmpty && parts[1].unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
    }

    /// The known version closest to `version`, for "did you mean": the same date with its
    /// release name where only the name is missing or wrong, else the closest by edit distance.
    public func suggestion(for version: String) -> String? {
        let date = version.split(separator: ".", maxSplits: 1).first.map(String.init) ?? version
        if let sameDate = versions.first(where: { $0 == date || $0.hasPrefix(date + ".") }), sameDate != version {
            return sameDate
        }
        return EditDistance.closest(to: version, in: versions).first
    }
}
