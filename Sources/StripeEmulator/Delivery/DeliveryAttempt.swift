/// One POST of an event to an endpoint, as the emulator records it (never with the secret).
public struct DeliveryAttempt: Sendable, Codable, Equatable {
    /// `evt_...`.
    public var event: String
    /// The event type, e.g. `customer.updated`.
    public var type: String
    /// The endpoint's id, `we_...`.
    public var endpoint: String
    /// The endpoint's `reconcile_trigger` metadata (`WORKFLOW/EVENT`), when it has one.
    public var trigger: String?
    public var url: String
    /// 1 for the first attempt.
    public var attempt: Int
    /// The HTTP status answered; nil when none came (see `error`).
    public var status: Int?
    /// Why no response came: `connection refused`, `timed out after 5 s`, ...
    public var error: String?
    /// From the first byte sent to the last received, in milliseconds.
    public var durationMs: Int

    /// Whether the endpoint accepted the event (any 2xx).
    public var succeeded: Bool {
        status.map { (200..<300).contains($0) } ?? false
    }

    /// One line for the emulator's log: `deliver customer.updated evt_... we_... http://... 200 attempt 1 3ms`.
    public var logLine: String {
        "deliver \(type) \(event) \(endpoint) \(url) \(status.map(String.init) ?? error ?? "failed") attempt \(attempt) \(durationMs)ms"
    }
}
