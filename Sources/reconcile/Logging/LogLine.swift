import Foundation
import Logging

/// The two shapes of a log line.
enum LogLine {
    /// `reconcile: info: tick 3: no changes accounts=2 duration_ms=41`: the level only
    /// when it is not info, fields as `key=value`, sorted.
    static func text(level: Logger.Level, message: String, fields: Logger.Metadata) -> String {
        var line = level == .info ? "reconcile: \(message)" : "reconcile: \(level.name): \(message)"
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            let text = "\(value)"
            line += " \(key)=" + (text.contains(" ") || text.isEmpty ? "\"\(text)\"" : text)
        }
        return line
    }

    /// `{"level":"info","time":"2026-12-01T18:00:00.000Z","message":"...","account":"..."}`:
    /// one object, one line; fields after the three fixed keys, sorted. Whole numbers are
    /// JSON numbers, everything else a string.
    static func json(level: Logger.Level, time: Date, message: String, fields: Logger.Metadata) -> String {
        var parts = [
            "\"level\":\(quote(level.name))",
            "\"time\":\(quote(timestamp(time)))",
            "\"message\":\(quote(message))",
        ]
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) where !["level", "time", "message"].contains(key) {
            parts.append("\(quote(key)):\(json(value))")
        }
        return "{" + parts.joined(separator: ",") + "}"
    }

    private static func json(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let text): quote(text)
        case .stringConvertible(let number as any BinaryInteger): "\(number)"
        case .stringConvertible(let number as Double) where number.isFinite: "\(number)"
        case .stringConvertible(let other): quote("\(other)")
        case .array(let items): "[" + items.map(json).joined(separator: ",") + "]"
        case .dictionary(let fields): "{" + fields.sorted { $0.key < $1.key }.map { "\(quote($0.key)):\(json($0.value))" }.joined(separator: ",") + "}"
        }
    }

    /// `text` as a JSON string, escaped by Foundation's encoder.
    static func quote(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }

    /// RFC 3339 in UTC with milliseconds.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}

extension Logger.Level {
    /// `info`, `warning`...: the name used in both formats.
    var name: String { rawValue }
}
