/// One request as the emulator saw it; never holds a key, a body or a secret.
public struct RequestLogEntry: Sendable, Codable, Equatable {
    /// How a request ended.
    public enum Result: Sendable, Codable, Equatable {
        /// A response with this status was sent.
        case status(Int)
        /// The connection was dropped; nothing was applied.
        case dropped
        /// The request was applied and the response lost.
        case lost

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let status = try? container.decode(Int.self) {
                self = .status(status)
            } else {
                self = try container.decode(String.self) == "lost" ? .lost : .dropped
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .status(let status): try container.encode(status)
            case .dropped: try container.encode("dropped")
            case .lost: try container.encode("lost")
            }
        }

        var text: String {
            switch self {
            case .status(let status): String(status)
            case .dropped: "dropped"
            case .lost: "lost"
            }
        }
    }

    /// Position in the log, from 1.
    public var seq: Int
    /// The account's fingerprint (`acct_...`), nil when no valid key was given.
    public var account: String?
    /// The HTTP method.
    public var method: String
    /// The path, without the query.
    public var path: String
    /// Encoded as a number, or `"dropped"` / `"lost"`.
    public var status: Result
    /// POST or DELETE.
    public var isWrite: Bool
    /// The `Idempotency-Key` of a POST.
    public var idempotencyKey: String?
    /// The response was an idempotent replay.
    public var replayed: Bool
    /// The `Request-Id` sent back (absent when the connection was dropped).
    public var requestId: String?

    /// One line for the server's log, e.g. `POST /v1/webhook_endpoints 200 3ms acct_ab12 idem=k1`.
    public func logLine(milliseconds: Int? = nil) -> String {
        var line = "\(method) \(path) \(status.text)"
        if let milliseconds { line += " \(milliseconds)ms" }
        if let account { line += " " + account }
        if let idempotencyKey { line += " idem=" + idempotencyKey }
        if replayed { line += " replayed" }
        return line
    }
}
