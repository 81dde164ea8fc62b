import Testing
import StripeEmulator

@Suite struct FaultTests {
    let body = "url=https://a.example/h&enabled_events[]=charge.succeeded"

    /// The fate of `count` list requests, as text.
    private func fates(_ stripe: TestStripe, count: Int) -> [String] {
        (0..<count).map { _ in
            switch stripe.outcome("GET", "/v1/webhook_endpoints") {
            case .respond(let response, _): String(response.status)
            case .dropConnection: "drop"
            case .responseLost: "lost"
            }
        }
    }

    @Test func faultsAreReproducibleBySeed() {
        let faults = EmulatorFaults(rateLimit: 0.1, serverError: 0.1, unavailable: 0.1, drop: 0.1, lost: 0.1)
        let first = fates(TestStripe(faults: faults, faultSeed: 1), count: 200)
        #expect(first == fates(TestStripe(faults: faults, faultSeed: 1), count: 200))
        #expect(first != fates(TestStripe(faults: faults, faultSeed: 2), count: 200))
        for fate in ["200", "429", "500", "503", "drop", "lost"] {
            let share = first.filter { $0 == fate }.count
            #expect(share > 5, "\(fate): \(share) of 200")
        }
    }

    @Test func injectedErrorsLookLikeStripes() {
        let stripe = TestStripe(faults: EmulatorFaults(rateLimit: 1))
        let limited = stripe.send("GET", "/v1/webhook_endpoints")
        limited.expectError(429, code: "rate_limit")
        #expect(limited.response.headers["Stripe-Should-Retry"] == "true")
        stripe.emulator.setFaults(EmulatorFaults(serverError: 1))
        let failed = stripe.send("GET", "/v1/webhook_endpoints")
        failed.expectError(500, type: "api_error")
        // Nothing is saved for a GET: worth retrying. A POST's 500 is saved under its
        // idempotency key and would be replayed as is: not worth retrying with that key.
        #expect(failed.response.headers["Stripe-Should-Retry"] == "true")
        let saved = stripe.send("POST", "/v1/webhook_endpoints", body, headers: ["idempotency-key": "k1"])
        saved.expectError(500, type: "api_error")
        #expect(saved.response.headers["Stripe-Should-Retry"] == "false")
        stripe.emulator.setFaults(EmulatorFaults(unavailable: 1))
        stripe.send("GET", "/v1/webhook_endpoints").expectError(503, type: "api_error")
    }

    @Test func droppedRequestsApplyNothing() {
        let stripe = TestStripe(faults: EmulatorFaults(drop: 1))
        guard case .dropConnection = stripe.outcome("POST", "/v1/webhook_endpoints", body) else {
            Issue.record("expected a drop")
            return
        }
        stripe.emulator.setFaults(.none)
        #expect(stripe.send("GET", "/v1/webhook_endpoints").ids.isEmpty)
        #expect(stripe.emulator.requestLog().first?.status == .dropped)
    }

    @Test func lostResponsesApplyTheWriteAndReplayIt() {
        let stripe = TestStripe(faults: EmulatorFaults(lost: 1))
        guard case .responseLost = stripe.outcome("POST", "/v1/webhook_endpoints", body, headers: ["Idempotency-Key": "L1"]) else {
            Issue.record("expected a lost response")
            return
        }
        stripe.emulator.setFaults(.none)
        let ids = stripe.send("GET", "/v1/webhook_endpoints").ids
        #expect(ids.count == 1)
        let retry = stripe.send("POST", "/v1/webhook_endpoints", body, headers: ["Idempotency-Key": "L1"])
        #expect(retry.id == ids.first)
        #expect(retry.response.headers["Idempotent-Replayed"] == "true")
        #expect(stripe.emulator.requestLog().map(\.status) == [.lost, .status(200), .status(200)])
    }

    @Test func serverErrorsReplayForTheirKeyAsOnStripe() {
        let stripe = TestStripe(faults: EmulatorFaults(serverError: 1))
        stripe.send("POST", "/v1/webhook_endpoints", body, headers: ["Idempotency-Key": "S1"]).expectError(500, type: "api_error")
        stripe.emulator.setFaults(.none)
        let replay = stripe.send("POST", "/v1/webhook_endpoints", body, headers: ["Idempotency-Key": "S1"])
        #expect(replay.status == 500)
        #expect(stripe.send("POST", "/v1/webhook_endpoints", body, headers: ["Idempotency-Key": "S2"]).status == 200)
    }

    @Test func faultsCanBeLimitedToWritesOrMethods() {
        let writes = TestStripe(faults: EmulatorFaults(unavailable: 1, writesOnly: true))
        #expect(writes.send("GET", "/v1/webhook_endpoints").status == 200)
        #expect(writes.send("POST", "/v1/webhook_endpoints", body).status == 503)
        let deletes = TestStripe(faults: EmulatorFaults(unavailable: 1, methods: ["DELETE"]))
        let id = deletes.create().id
        #expect(deletes.send("DELETE", "/v1/webhook_endpoints/\(id)").status == 503)
    }

    @Test func latencyAndJitterAreSeeded() {
        let stripe = TestStripe(faults: EmulatorFaults(latencyMs: 20, jitterMs: 10))
        let delays = (0..<20).map { _ in stripe.outcome("GET", "/v1/webhook_endpoints").delay }
        #expect(delays.allSatisfy { $0 >= .milliseconds(20) && $0 <= .milliseconds(30) })
        #expect(Set(delays).count > 1)
    }

    @Test func specParsing() throws {
        let faults = try EmulatorFaults.parse("429=0.1,500=0.05,503=0.05,drop=0.05,lost=0.1")
        #expect(faults == EmulatorFaults(rateLimit: 0.1, serverError: 0.05, unavailable: 0.05, drop: 0.05, lost: 0.1))
        #expect(throws: EmulatorFaultsError.self) { try EmulatorFaults.parse("404=0.1") }
        #expect(throws: EmulatorFaultsError.self) { try EmulatorFaults.parse("drop=2") }
        #expect(throws: EmulatorFaultsError.self) { try EmulatorFaults.parse("drop=0.6,lost=0.6") }
        #expect(RateLimit.parse("test=5") == RateLimit(test: 5, live: 100))
        #expect(RateLimit.parse("test=x") == nil)
    }
}

@Suite struct RateLimiterTests {
    @Test func testModeAllows25PerSecondPerAccount() {
        let stripe = TestStripe(rateLimit: .stripe)
        let statuses = (0..<30).map { _ in stripe.send("GET", "/v1/webhook_endpoints").status }
        #expect(statuses.prefix(25).allSatisfy { $0 == 200 })
        #expect(statuses.suffix(5).allSatisfy { $0 == 429 })
        stripe.send("GET", "/v1/webhook_endpoints").expectError(429, code: "rate_limit")
        // Another account has its own bucket.
        #expect(stripe.send("GET", "/v1/webhook_endpoints", key: "sk_test_otherAccount12").status == 200)
        stripe.clock.advance(by: 0.2)
        let refilled = (0..<6).map { _ in stripe.send("GET", "/v1/webhook_endpoints").status }
        #expect(refilled == [200, 200, 200, 200, 200, 429])
    }

    @Test func liveModeAllows100PerSecond() {
        let stripe = TestStripe(rateLimit: .stripe)
        let statuses = (0..<101).map { _ in stripe.send("GET", "/v1/webhook_endpoints", key: "sk_live_rateLimited123").status }
        #expect(statuses.filter { $0 == 200 }.count == 100)
        #expect(statuses.last == 429)
    }

    @Test func disabledMeansUnlimited() {
        let stripe = TestStripe(rateLimit: nil)
        #expect((0..<500).allSatisfy { _ in stripe.send("GET", "/v1/webhook_endpoints").status == 200 })
    }
}
