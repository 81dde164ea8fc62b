import Foundation

/// The `/_emulator/` endpoints tests use to look inside and steer the emulator.
///
/// | request | answer |
/// | --- | --- |
/// | `GET /_emulator/requests` | the request log, oldest first |
/// | `DELETE /_emulator/requests` | clears the log |
/// | `GET /_emulator/endpoints` + `Authorization: Bearer KEY` | that account's endpoints, newest first, secrets included |
/// | `GET /_emulator/faults`, `POST /_emulator/faults` (JSON) | reads or replaces the faults |
/// | `GET /_emulator/deliveries`, `DELETE /_emulator/deliveries` | the webhook delivery attempts, oldest first; clears them |
/// | `POST /_emulator/reset` | forgets every account and the log |
///
/// `POST /_emulator/events` sends HTTP requests, so `WebhookDispatcher` answers it, not this.
extension Emulator {
    func handleAdmin(_ request: EmulatorRequest) -> EmulatorResponse {
        switch configuration.admin {
        case .open: break
        case .closed:
            return Self.adminError(403, "The admin routes are off: this emulator listens beyond loopback. Start it with --admin-token TOKEN and send Emulator-Admin-Token: TOKEN.")
        case .token(let token):
            guard let given = request.header("emulator-admin-token"), Self.equalInConstantTime(given, token) else {
                return Self.adminError(401, "The admin routes need the header Emulator-Admin-Token with the token given to --admin-token.")
            }
        }
        switch (request.method, request.path) {
        case ("GET", "/_emulator/requests"):
            return Self.json(200, encodable: requestLog())
        case ("DELETE", "/_emulator/requests"):
            clearRequestLog()
            return Self.json(200, .object([("cleared", .bool(true))]))
        case ("GET", "/_emulator/endpoints"):
            guard case .key(let raw) = APIKey.credential(from: request.header("authorization")),
                  let endpoints = endpoints(forKey: raw)
            else { return Self.adminError(401, "Pass the account's key as Authorization: Bearer KEY.") }
            return Self.json(200, .object([
                ("object", .string("list")),
                ("data", .array(endpoints.map { $0.json(includingSecret: true) })),
                ("has_more", .bool(false)),
                ("url", .string("/_emulator/endpoints")),
            ]))
        case ("GET", "/_emulator/faults"):
            return Self.json(200, encodable: faults)
        case ("POST", "/_emulator/faults"):
            do {
                let faults = try JSONDecoder().decode(EmulatorFaults.self, from: Data(request.body))
                setFaults(faults)
                return Self.json(200, encodable: faults)
            } catch {
                return Self.adminError(400, "The body must be a JSON object of EmulatorFaults fields (latencyMs, jitterMs, rateLimit, serverError, unavailable, drop, lost, writesOnly, methods): \(error)")
            }
        case ("GET", "/_emulator/deliveries"):
            return Self.json(200, encodable: deliveryLog())
        case ("DELETE", "/_emulator/deliveries"):
            clearDeliveryLog()
            return Self.json(200, .object([("cleared", .bool(true))]))
        case ("POST", "/_emulator/events"):
            return Self.adminError(501, "Events are delivered over HTTP: serve the emulator with EmulatorServer, or call WebhookDispatcher.trigger in-process.")
        case ("POST", "/_emulator/reset"):
            reset()
            return Self.json(200, .object([("reset", .bool(true))]))
        default:
            return Self.adminError(404, "Unknown emulator admin request \(request.method) \(request.path).")
        }
    }

    /// Compares without stopping at the first difference, so timing does not reveal a prefix.
    static func equalInConstantTime(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func json(_ status: Int, _ value: JSONValue) -> EmulatorResponse {
        EmulatorResponse(status: status, headers: ["Content-Type": "application/json"], body: value.serialized())
    }

    static func json(_ status: Int, encodable: some Encodable) -> EmulatorResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = (try? encoder.encode(encodable)).map { Array($0) } ?? []
        return EmulatorResponse(status: status, headers: ["Content-Type": "application/json"], body: body)
    }

    static func adminError(_ status: Int, _ message: String) -> EmulatorResponse {
        json(status, StripeError(status: status, type: .invalidRequest, message: message).body(requestLogURL: nil))
    }
}
