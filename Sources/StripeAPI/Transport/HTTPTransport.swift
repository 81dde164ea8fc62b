/// Sends one HTTP request and returns its response: the seam between the client and
/// the network, so tests and the embedded emulator can plug in without a socket.
///
/// A transport makes exactly one attempt; retries, rate limits and error mapping are
/// the client's job. Any status code, 4xx and 5xx included, is a response, not an error.
public protocol HTTPTransport: Sendable {
    /// Sends `request`, giving up after `timeout`.
    ///
    /// - Throws: ``TransportError`` when no complete response arrived.
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse
}
