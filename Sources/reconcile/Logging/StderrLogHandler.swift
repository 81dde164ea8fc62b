import Foundation
import Logging
import StripeAPI

/// A swift-log handler writing one line per message to stderr, as text for people or as
/// a JSON object for log collectors. Every line passes the secret redactor on its way
/// out, a second guard after the callers' own care.
struct StderrLogHandler: LogHandler {
    let label: String
    let format: LogFormat
    let write: @Sendable (String) -> Void
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    static let redactor = SecretRedactor()

    static let writeToStderr: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data(line.utf8))
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields = metadata
        if let extra = event.metadata { fields.merge(extra) { _, new in new } }
        let line = switch format {
        case .text: LogLine.text(level: event.level, message: "\(event.message)", fields: fields)
        case .json: LogLine.json(level: event.level, time: Date(), message: "\(event.message)", fields: fields)
        }
        write(Self.redactor.redact(line) + "\n")
    }
}
