import Foundation

/// The file form of a ``SavedPlan``: one JSON document naming its format and version,
/// with a checksum over the plan, so a plan edited by hand is refused.
///
/// ```json
/// {"format": "reconcile-plan", "format_version": 1, "checksum": "sha256:...", "plan": {...}}
/// ```
public enum PlanFile {
    public static let format = "reconcile-plan"
    public static let formatVersion = 1

    /// The file's bytes: pretty-printed, keys sorted.
    public static func encode(_ plan: SavedPlan) -> Data {
        let envelope = Envelope(format: format, format_version: formatVersion, checksum: checksum(of: plan), plan: plan)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Strings, numbers, booleans and maps of them cannot fail to encode.
        return try! encoder.encode(envelope) + Data("\n".utf8)
    }

    /// The plan in `data`, or what is wrong with the file.
    public static func decode(_ data: Data) -> Result<SavedPlan, PlanFileError> {
        guard let object = try? JSONSerialization.jsonObject(with: data), let top = object as? [String: Any] else {
            return .failure(.notJSON)
        }
        guard top["format"] as? String == format else { return .failure(.notAPlan) }
        // Checked before the plan's shape, which another version may have changed.
        guard let version = top["format_version"] as? Int else { return .failure(.malformed("`format_version` is missing")) }
        guard version == formatVersion else { return .failure(.otherVersion(version)) }
        let envelope: Envelope
        do { envelope = try JSONDecoder().decode(Envelope.self, from: data) } catch {
            return .failure(.malformed(describe(error)))
        }
        guard envelope.checksum == checksum(of: envelope.plan) else { return .failure(.checksumMismatch) }
        return .success(envelope.plan)
    }

    /// `sha256:` and the digest of the plan encoded compactly with sorted keys, the form
    /// a decoded plan encodes back to exactly.
    static func checksum(of plan: SavedPlan) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return "sha256:" + SHA256.hex(try! encoder.encode(plan))
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        let path: (DecodingError.Context) -> String = { context in
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context): return "`\(key.stringValue)` is missing at \(path(context).isEmpty ? "the top" : path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    private struct Envelope: Codable {
        var format: String
        var format_version: Int
        var checksum: String
        var plan: SavedPlan
    }
}

/// Why a plan file cannot be applied; every case is exit code 3.
public enum PlanFileError: Error, Sendable, Equatable {
    case notJSON
    case notAPlan
    case otherVersion(Int)
    case malformed(String)
    case checksumMismatch

    /// What is wrong and how to make a new plan, typed as `spelling` says.
    public func message(spelling: OptionSpelling) -> String {
        let savePlan = spelling(.savePlan)
        return switch self {
        case .notJSON:
            "not a plan file: it is not a JSON object; write one with `\(savePlan)`"
        case .notAPlan:
            "not a plan file: it lacks `\"format\": \"\(PlanFile.format)\"`; write one with `\(savePlan)`"
        case .otherVersion(let version):
            "the plan file is of format version \(version), and this reconcile reads version \(PlanFile.formatVersion) only; plan again with this version (`\(savePlan)`)"
        case .malformed(let what):
            "the plan file is malformed (\(what)); plan again with `\(savePlan)`"
        case .checksumMismatch:
            "the plan file's checksum does not match its content: it was edited after it was written; plan again with `\(savePlan)` instead of editing a plan"
        }
    }
}
