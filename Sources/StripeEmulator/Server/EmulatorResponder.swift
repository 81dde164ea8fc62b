import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ServiceLifecycle

/// Serves an `Emulator` over HTTP: maps Hummingbird requests in and outcomes out.
struct EmulatorResponder: HTTPResponder {
    let emulator: Emulator
    let webhooks: WebhookDispatcher
    let saver: StateSaver?
    let log: @Sendable (String) -> Void

    func respond(to request: Request, context: EmulatorRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { $0 + ", " + field.value } ?? field.value
        }
        // Stripe's requests are small; a bigger body is refused as Stripe's front end
        // refuses one, with 413, rather than failing the collection with an empty 500.
        let declared = headers["content-length"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
        guard declared <= EmulatorLimits.maxBodyBytes, let body = try? await request.body.collect(upTo: EmulatorLimits.maxBodyBytes) else {
            return Self.tooLarge()
        }
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
        // An injected delay ends with the server: SIGTERM does not wait it out.
        if outcome.delay > .zero { try await cancelWhenGracefulShutdown { try await Task.sleep(for: outcome.delay) } }
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

extension EmulatorResponder {
    /// 413 in Stripe's error shape; the connection closes, the rest of the body unread.
    static func tooLarge() -> Response {
        let message = #"{"error":{"message":"The request body is larger than \#(EmulatorLimits.maxBodyBytes) bytes.","type":"invalid_request_error"}}"#
        var fields: HTTPFields = [.contentType: "application/json", .connection: "close"]
        fields[.contentLength] = String(message.utf8.count)
        return Response(status: .contentTooLarge, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: message)))
    }
}

/// Thrown after closing a connection on purpose; nothing is left to answer.
struct EmulatorConnectionDropped: Error {}
