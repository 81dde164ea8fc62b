/// Building events: which endpoints of an account receive one, and the body each gets.
/// No I/O here; `WebhookDispatcher` sends what this prepares.
extension Emulator {
    /// An event ready to send: one body per receiving endpoint (each in its `api_version`).
    struct PreparedEvent: Sendable {
        let id: String
        let type: String
        let targets: [Target]

        struct Target: Sendable {
            /// The endpoint as stored, its signing secret included: used to sign, never shown.
            let endpoint: WebhookEndpoint
            let body: [UInt8]
        }
    }

    /// Builds an event of `type` for the account of `key`: a sample object of the type's
    /// resource with `data` (a JSON object) merged over it, addressed to every enabled
    /// endpoint whose `enabled_events` holds `type` or `*`.
    func prepareEvent(type: String, key: String, data: [UInt8]?) throws(EventError) -> PreparedEvent {
        guard let apiKey = APIKey(key) else { throw .invalidKey }
        guard configuration.catalog.eventTypes.contains(type) else { throw .unknownType(type) }
        var overrides: JSONValue?
        if let data {
            do { overrides = try JSONValue.parse(data) } catch { throw .invalidData("it is not valid JSON") }
            guard case .object = overrides else { throw .invalidData("it must be a JSON object of the object's fields") }
        }
        let now = Int(clock.now())
        let defaultVersion = configuration.catalog.apiVersions.max() ?? "2024-06-20"
        return state.withLock { state in
            let endpoints = (state.accounts[apiKey.fingerprint]?.sortedEndpoints ?? []).filter { endpoint in
                endpoint.status == "enabled" && (endpoint.enabledEvents.contains(type) || endpoint.enabledEvents.contains("*"))
            }
            var object = SampleObjects.object(forEventType: type, created: now, livemode: apiKey.livemode, random: &state.ids)
            if let overrides { object = object.merging(overrides) }
            let id = state.ids.identifier("evt_", count: 24)
            let targets = endpoints.map { endpoint in
                let event: JSONValue = .object([
                    ("id", .string(id)),
                    ("object", "event"),
                    ("api_version", .string(endpoint.apiVersion ?? defaultVersion)),
                    ("created", .int(now)),
                    ("data", .object([("object", object)])),
                    ("livemode", .bool(apiKey.livemode)),
                    ("pending_webhooks", .int(endpoints.count)),
                    ("request", .object([("id", .null), ("idempotency_key", .null)])),
                    ("type", .string(type)),
                ])
                return PreparedEvent.Target(endpoint: endpoint, body: event.serialized())
            }
            return PreparedEvent(id: id, type: type, targets: targets)
        }
    }

    /// Every delivery attempt so far, oldest first.
    public func deliveryLog() -> [DeliveryAttempt] {
        state.withLock { $0.deliveries }
    }

    /// Forgets the delivery log.
    public func clearDeliveryLog() {
        state.withLock { $0.deliveries.removeAll() }
    }

    func record(_ attempt: DeliveryAttempt) {
        state.withLock { state in
            state.deliveries.append(attempt)
            let limit = configuration.requestLogLimit
            if state.deliveries.count > limit { state.deliveries.removeFirst(state.deliveries.count - limit + limit / 10) }
        }
    }

    /// The emulator's clock, in whole seconds: events' `created` and signatures' `t`.
    func unixTime() -> Int {
        Int(clock.now())
    }
}

/// Why an event could not be emitted.
public enum EventError: Error, Equatable, CustomStringConvertible {
    /// The key is not a well-formed secret or restricted key.
    case invalidKey
    /// Not one of the catalog's event types (`*` included: an event has one type).
    case unknownType(String)
    /// The fields to merge are not a JSON object; says why.
    case invalidData(String)

    public var description: String {
        switch self {
        case .invalidKey: "the key is not a well-formed secret or restricted key (sk_test_..., rk_test_...)"
        case .unknownType(let type): "`\(type)` is not a known event type"
        case .invalidData(let why): "the data to merge into the event's object is invalid: \(why)"
        }
    }
}
