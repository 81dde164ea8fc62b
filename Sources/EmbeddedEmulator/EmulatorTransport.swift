import Foundation
import StripeAPI
import StripeEmulator

/// Hands each request to an in-process `Emulator` instead of a socket, for
/// `reconcile --emulator`: the client, its encoding and retries are the real ones.
public struct EmulatorTransport: HTTPTransport {
    public let emulator: Emulator

    public init(emulator: Emulator) {
        self.emulator = emulator
    }

    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
        let headers = Dictionary(request.headers.map { ($0.key.lowercased(), $0.value) }) { _, last in last }
        let outcome = emulator.handle(EmulatorRequest(
            method: request.method, path: components?.percentEncodedPath ?? request.url.path,
            query: components?.percentEncodedQuery ?? "", headers: headers, body: Array(request.body ?? Data())
        ))
        if outcome.delay > .zero {
            try await Task.sleep(for: min(outcome.delay, timeout))
            if outcome.delay > timeout { throw TransportError.timedOut("embedded emulator") }
        }
        switch outcome {
        case .respond(let response, _):
            return HTTPResponse(status: response.status, headers: response.headers, body: Data(response.body))
        case .dropConnection, .responseLost:
            throw TransportError.connectionDropped("embedded emulator")
        }
    }
}
