import StripeAPI

/// A transport that sends no write once its ``StopSwitch`` is thrown. It sits behind
/// the run's request gate and rate limiters, so a write queued there when Ctrl-C comes
/// is never sent, while one already on the wire finishes.
public struct StoppingTransport: HTTPTransport {
    public let base: any HTTPTransport
    public let stop: StopSwitch

    public init(_ base: any HTTPTransport, stop: StopSwitch) {
        self.base = base
        self.stop = stop
    }

    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        // Not a cancellation: the client would take it for an abandoned request, whose
        // fate is unknown. This write was never sent, and the client does not retry it.
        if request.method != "GET", let reason = stop.reason { throw RunInterrupted(reason: reason) }
        return try await base.send(request, timeout: timeout)
    }
}
