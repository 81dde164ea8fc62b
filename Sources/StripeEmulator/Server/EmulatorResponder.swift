import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Serves an `Emulator` over HTTP: maps Hummingbird requests in and outcomes out.
struct EmulatorResponder: HTTPResponder {
    let emulator: Emulator
    let webhooks: WebhookDispatcher
    let saver: StateSaver?
    let log: @Sendable (String) -> Void

    /// Stripe's requests are small; anything bigger is not a webhook endpoint request.
    private static let maxBody = 1 << 20

    func respond(to request: Request, context: EmulatorRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { $0 + ", " + field.value } ?? field.value
        }
        let body = try await request.body.collect(upTo: Self.maxBody)
        let emulatorRequest = EmulatorRequest(
            method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "",
            headers: headers, body: Array(buffer: body))
        if WebhookDispatcher.handles(emulatorRequest) {
            let (response, event) = await webhooks.handleAdmin(emulatorRequest)
            for delivery in event?.deliveries ?? [] {
                for attempt in delivery.attempts { log(attempt.logLine) }
            }
            return Self.response(response)
        }
        let (outcome, entry) = emulator.handleLogged(emulatorRequest)
        if outcome.delay > .zero { try await Task.sleep(for: outcome.delay) }
        if let entry, entry.isWrite {
            // Saved before answering: a write the client saw acknowledged is on disk.
            await saver?.save()
        }
        if let entry {
            let elapsed = ContinuousClock.now - started
            let ms = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            log(entry.logLine(milliseconds: Int(ms)))
        }
        guard case .respond(let response, _) = outcome else {
            // Dropped or lost: close without a response, as a broken network would.
            try? await context.channel.close()
            throw EmulatorConnectionDropped()
        }
        return Self.response(response)
    }

    private static func response(_ response: EmulatorResponse) -> Response {
        var fields = HTTPFields()
        for (name, value) in response.headers.sorted(by: { $0.key < $1.key }) {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        return Response(status: .init(code: response.status), headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: response.body)))
    }
}

/// Thrown after closing a connection on purpose; nothing is left to answer.
struct EmulatorConnectionDropped: Error {}
