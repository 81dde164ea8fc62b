/// An ``HTTPTransport`` that sends through another one, at most ``RequestGate/limit``
/// requests at once across everything sharing the gate.
///
/// The client takes its account's rate-limit token before the transport is called, so
/// a request waiting for its account's turn never holds a slot another account could use.
public struct GatedTransport: HTTPTransport {
    /// The transport requests go through.
    public let base: any HTTPTransport
    /// The bound shared by every request of the run.
    public let gate: RequestGate

    /// Wraps `base` so that at most `gate.limit` requests are in flight at once.
    public init(_ base: any HTTPTransport, gate: RequestGate) {
        self.base = base
        self.gate = gate
    }

    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let base = base
        do {
            return try await gate.withSlot { try await base.send(request, timeout: timeout) }
        } catch is CancellationError {
            throw TransportError.cancelled()
        }
    }
}
