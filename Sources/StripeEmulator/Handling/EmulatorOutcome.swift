/// What the transport must do with a request: answer it, or fail the connection.
///
/// The transport (the HTTP server or an in-process adapter) sleeps `delay` first.
public enum EmulatorOutcome: Sendable {
    /// Send this response.
    case respond(EmulatorResponse, delay: Duration)
    /// Close the connection without a response; nothing was applied.
    case dropConnection(delay: Duration)
    /// Close the connection without a response, although the request WAS applied:
    /// the case a reconciler must survive (retry with the same idempotency key, or re-list).
    case responseLost(delay: Duration)

    /// The latency to add before acting.
    public var delay: Duration {
        switch self {
        case .respond(_, let delay), .dropConnection(let delay), .responseLost(let delay): delay
        }
    }

    /// The response, when there is one.
    public var response: EmulatorResponse? {
        if case .respond(let response, _) = self { return response }
        return nil
    }
}
