/// Emits events from an ``Emulator``: builds each, signs it per endpoint, POSTs it to
/// every endpoint that listens (side by side), retries what got no 2xx, and records every
/// attempt in the emulator's delivery log.
///
/// ```swift
/// let dispatcher = WebhookDispatcher(emulator: emulator)
/// let event = try await dispatcher.trigger("customer.updated", key: key)
/// for delivery in event.deliveries { print(delivery.name, delivery.status ?? 0) }
/// ```
public struct WebhookDispatcher: Sendable {
    public let emulator: Emulator
    public let sender: any WebhookSender
    public let policy: DeliveryPolicy

    /// Creates a dispatcher; by default it sends over HTTP with the local, quick policy.
    public init(emulator: Emulator, sender: any WebhookSender = HTTPWebhookSender(), policy: DeliveryPolicy = .local) {
        self.emulator = emulator
        self.sender = sender
        self.policy = policy
    }

    /// Emits one event of `type` for the account of `key`, `data` (a JSON object, when
    /// given) merged over the sample object, and returns once every delivery has ended.
    public func trigger(_ type: String, key: String, data: [UInt8]? = nil, policy: DeliveryPolicy? = nil) async throws(EventError) -> TriggeredEvent {
        let event = try emulator.prepareEvent(type: type, key: key, data: data)
        let policy = policy ?? self.policy
        let deliveries = await withTaskGroup(of: (Int, Delivery).self) { group in
            for (index, target) in event.targets.enumerated() {
                group.addTask { (index, await deliver(event, to: target, policy: policy)) }
            }
            var done: [(Int, Delivery)] = []
            for await delivery in group { done.append(delivery) }
            return done.sorted { $0.0 < $1.0 }.map(\.1)
        }
        return TriggeredEvent(id: event.id, type: event.type, deliveries: deliveries)
    }

    private func deliver(_ event: Emulator.PreparedEvent, to target: Emulator.PreparedEvent.Target, policy: DeliveryPolicy) async -> Delivery {
        let endpoint = target.endpoint
        let trigger = endpoint.metadata["reconcile_trigger"]
        var attempts: [DeliveryAttempt] = []
        for number in 1...policy.maxAttempts {
            let delay = policy.delay(beforeAttempt: number)
            if delay > .zero {
                do { try await Task.sleep(for: delay) } catch { break }
            }
            // Signed at each attempt, as Stripe does: `t` is when this attempt was sent.
            let signature = WebhookSignature.header(secret: endpoint.secret, timestamp: emulator.unixTime(), payload: target.body)
            let headers = [
                ("Content-Type", "application/json; charset=utf-8"),
                ("Stripe-Signature", signature),
                ("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)"),
                ("Accept", "*/*; q=0.5, application/xml"),
                ("Cache-Control", "no-cache"),
            ]
            let started = ContinuousClock.now
            var status: Int?
            var failure: String?
            do {
                status = try await sender.post(url: endpoint.url, headers: headers, body: target.body, timeout: policy.timeout)
            } catch {
                failure = String(describing: error)
            }
            let elapsed = ContinuousClock.now - started
            let attempt = DeliveryAttempt(
                event: event.id, type: event.type, endpoint: endpoint.id, trigger: trigger, url: endpoint.url,
                attempt: number, status: status, error: failure,
                durationMs: Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000))
            emulator.record(attempt)
            attempts.append(attempt)
            if attempt.succeeded { break }
        }
        return Delivery(endpoint: endpoint.id, trigger: trigger, url: endpoint.url, attempts: attempts)
    }
}
