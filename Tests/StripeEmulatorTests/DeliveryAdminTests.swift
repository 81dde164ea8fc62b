import Foundation
import StripeEmulator
import Testing

/// `POST /_emulator/events` and `/_emulator/deliveries`.
@Suite struct DeliveryAdminTests {
    let stripe = TestStripe()

    private func emit(_ body: String, key: String? = TestStripe.key, sender: RecordingSender = RecordingSender()) async -> Reply {
        var headers: [String: String] = [:]
        if let key { headers["Authorization"] = "Bearer \(key)" }
        let (response, _) = await stripe.dispatcher(sender).handleAdmin(
            EmulatorRequest(method: "POST", target: "/_emulator/events", headers: headers, body: body))
        return Reply(response)
    }

    @Test func emitsAndAnswersWithTheDeliveries() async throws {
        let created = stripe.create(url: "https://a.example/hook", extra: "metadata[reconcile_trigger]=crm/customer.updated")
        let sender = RecordingSender(["https://a.example/hook": [.status(500)]])

        let reply = await emit(#"{"type": "customer.updated", "data": {"email": "ada@example.com"}, "attempts": 2, "timeoutMs": 500}"#, sender: sender)

        #expect(reply.status == 200, "\(reply.text)")
        let event = try JSONDecoder().decode(TriggeredEvent.self, from: Data(reply.response.body))
        #expect(event.type == "customer.updated")
        #expect(event.deliveries.map(\.endpoint) == [created.id])
        #expect(event.deliveries.first?.attempts.map(\.status) == [500, 200])
        #expect(event.deliveries.first?.trigger == "crm/customer.updated")
        #expect(sender.posts.first?.object["email"] as? String == "ada@example.com")
        // Neither the answer nor the log shows a signing secret.
        #expect(!reply.text.contains("whsec_"))
        let log = stripe.send("GET", "/_emulator/deliveries")
        #expect(log.status == 200)
        #expect(!log.text.contains("whsec_"))
        let attempts = try JSONDecoder().decode([DeliveryAttempt].self, from: Data(log.response.body))
        #expect(attempts.map(\.attempt) == [1, 2])
        #expect(stripe.send("DELETE", "/_emulator/deliveries").status == 200)
        #expect(stripe.emulator.deliveryLog().isEmpty)
    }

    @Test func refusesBadRequests() async {
        #expect(await emit(#"{"type": "customer.updated"}"#, key: nil).status == 401)
        #expect(await emit(#"{"type": "customer.updated"}"#, key: "pk_test_1234567").status == 401)
        #expect(await emit("type=customer.updated").status == 400)
        #expect(await emit(#"{"data": {}}"#).status == 400)
        let unknown = await emit(#"{"type": "customer.updatd"}"#)
        #expect(unknown.status == 400)
        #expect((unknown.error["message"] as? String)?.contains("customer.updatd") == true)
        #expect(await emit(#"{"type": "customer.updated", "data": [1]}"#).status == 400)
    }

    @Test func theSynchronousHandlerPointsToTheDispatcher() {
        // In-process callers of `handle` have no HTTP client: they are told what to use.
        #expect(stripe.send("POST", "/_emulator/events", #"{"type": "customer.updated"}"#).status == 501)
    }

    @Test func resetForgetsDeliveries() async throws {
        stripe.create()
        _ = try await stripe.dispatcher(RecordingSender()).trigger("customer.updated", key: TestStripe.key)
        #expect(stripe.emulator.deliveryLog().count == 1)
        stripe.emulator.reset()
        #expect(stripe.emulator.deliveryLog().isEmpty)
    }
}
