import Testing
import StripeEmulator

@Suite struct IdempotencyTests {
    let stripe = TestStripe()
    let body = "url=https://a.example/h&enabled_events[]=charge.succeeded"

    @Test func replayReturnsTheStoredResponse() {
        let first = stripe.send("POST", "/v1/webhook_endpoints", body, headers: ["Idempotency-Key": "k1"])
        let again = stripe.send("POST", "/v1/webhook_endpoints", "enabled_events[0]=charge.succeeded&url=https://a.example/h",
                                headers: ["Idempotency-Key": "k1"])
        #expect(again.status == 200)
        #expect(again.text == first.text)
        #expect(again.response.headers["Idempotent-Replayed"] == "true")
        #expect(again.response.headers["Original-Request"] == first.response.headers["Request-Id"])
        #expect(first.response.headers["Idempotent-Replayed"] == nil)
        #expect(stripe.send("GET", "/v1/webhook_endpoints").ids.count == 1)
        let log = stripe.emulator.requestLog()
        #expect(log.map(\.replayed) == [false, true, false])
        #expect(log[0].idempotencyKey == "k1")
    }

    @Test func sameKeyOtherParametersIsAnIdempotencyError() {
        _ = stripe.send("POST", "/v1/webhook_endpoints", body, headers: ["Idempotency-Key": "k2"])
        stripe.send("POST", "/v1/webhook_endpoints", body + "&description=x", headers: ["Idempotency-Key": "k2"])
            .expectError(400, type: "idempotency_error")
        let id = stripe.send("GET", "/v1/webhook_endpoints").ids[0]
        stripe.send("POST", "/v1/webhook_endpoints/\(id)", "description=x", headers: ["Idempotency-Key": "k2"])
            .expectError(400, type: "idempotency_error")
    }

    @Test func keysArePerAccount() {
        _ = stripe.send("POST", "/v1/webhook_endpoints", body, headers: ["Idempotency-Key": "k3"])
        let other = stripe.send("POST", "/v1/webhook_endpoints", body, key: "sk_test_otherAccount12", headers: ["Idempotency-Key": "k3"])
        #expect(other.response.headers["Idempotent-Replayed"] == nil)
    }

    @Test func validationErrorsAreNotStored() {
        stripe.send("POST", "/v1/webhook_endpoints", "url=https://a.example/h", headers: ["Idempotency-Key": "k4"])
            .expectError(400, code: "parameter_missing", param: "enabled_events")
        let fixed = stripe.send("POST", "/v1/webhook_endpoints", body, headers: ["Idempotency-Key": "k4"])
        #expect(fixed.status == 200)
        #expect(fixed.response.headers["Idempotent-Replayed"] == nil)
    }

    @Test func keysExpireAfter24Hours() {
        let first = stripe.send("POST", "/v1/webhook_endpoints", body, headers: ["Idempotency-Key": "k5"])
        stripe.clock.advance(by: 86_401)
        let later = stripe.send("POST", "/v1/webhook_endpoints", body, headers: ["Idempotency-Key": "k5"])
        #expect(later.status == 200)
        #expect(later.id != first.id)
    }

    @Test func longKeysAreRefused() {
        stripe.send("POST", "/v1/webhook_endpoints", body, headers: ["Idempotency-Key": String(repeating: "k", count: 256)])
            .expectError(400)
        #expect(stripe.send("POST", "/v1/webhook_endpoints", body, headers: ["Idempotency-Key": String(repeating: "k", count: 255)]).status == 200)
    }

    @Test func deletesReplayToo() {
        let id = stripe.create().id
        let first = stripe.send("POST", "/v1/webhook_endpoints/\(id)", "description=a", headers: ["Idempotency-Key": "u1"])
        _ = stripe.send("POST", "/v1/webhook_endpoints/\(id)", "description=b")
        let replay = stripe.send("POST", "/v1/webhook_endpoints/\(id)", "description=a", headers: ["Idempotency-Key": "u1"])
        #expect(replay.text == first.text)
    }

    @Test func aReplayWhileTheFirstIsInFlightIsAConflict() {
        let stripe = TestStripe(faults: EmulatorFaults(latencyMs: 1000))
        let first = stripe.send("POST", "/v1/webhook_endpoints", body, headers: ["Idempotency-Key": "f1"])
        #expect(first.status == 200)
        stripe.send("POST", "/v1/webhook_endpoints", body, headers: ["Idempotency-Key": "f1"])
            .expectError(409, code: "idempotency_key_in_use")
        stripe.clock.advance(by: 1.5)
        let replay = stripe.send("POST", "/v1/webhook_endpoints", body, headers: ["Idempotency-Key": "f1"])
        #expect(replay.text == first.text)
    }
}
