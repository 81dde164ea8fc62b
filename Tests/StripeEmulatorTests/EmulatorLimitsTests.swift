import Foundation
import Testing
@testable import StripeEmulator

/// What the emulator refuses or bounds so that no client, admin request or flag can make
/// it trap, grow without end or hold a connection forever.
@Suite struct EmulatorLimitsTests {
    @Test func aHugeLatencyThroughTheAdminRouteIsRefused() {
        let stripe = TestStripe()
        for body in [#"{"jitterMs": 9223372036854775807}"#, #"{"latencyMs": 9223372036854775807}"#, #"{"latencyMs": -1}"#, #"{"drop": 2}"#] {
            #expect(stripe.send("POST", "/_emulator/faults", body).status == 400, "\(body)")
        }
        #expect(stripe.emulator.faults == .none)
    }

    @Test func aHugeJitterSetInSwiftIsClampedOnTheFirstRequest() {
        let stripe = TestStripe(faults: EmulatorFaults(latencyMs: .max, jitterMs: .max))
        let outcome = stripe.outcome("GET", "/v1/webhook_endpoints")
        #expect(outcome.delay <= .milliseconds(2 * EmulatorFaults.maxLatencyMs))
    }
}

@Suite struct EmulatorStorageLimitsTests {
    let stripe = TestStripe()

    @Test func enabledEventsAreBoundedPerEndpoint() {
        let many = Array(repeating: "customer.updated", count: EmulatorLimits.maxEnabledEvents + 1)
        let body = "url=https://a.example/h" + many.map { "&enabled_events[]=\($0)" }.joined()
        stripe.send("POST", "/v1/webhook_endpoints", body).expectError(400, param: "enabled_events")
        let created = stripe.create(events: Array(many.dropLast()))
        let update = stripe.send("POST", "/v1/webhook_endpoints/\(created.id)", "enabled_events[]=charge.failed" + many.map { "&enabled_events[]=\($0)" }.joined())
        update.expectError(400, param: "enabled_events")
    }

    @Test func idempotencyKeysPerAccountAreBounded() {
        for index in 0..<(EmulatorLimits.maxIdempotencyKeys + 10) {
            stripe.clock.advance(by: 0.001)
            _ = stripe.send("POST", "/v1/webhook_endpoints/we_missing\(index)", "description=x", headers: ["Idempotency-Key": "k\(index)"])
        }
        let stored = stripe.emulator.snapshot().accounts.first?.idempotency.count ?? 0
        #expect(stored <= EmulatorLimits.maxIdempotencyKeys)
        #expect(stored > 0)
    }

    @Test func theLogCutsLongPathsAndKeys() {
        let long = String(repeating: "k", count: 100_000)
        _ = stripe.send("POST", "/v1/webhook_endpoints/" + long, "", headers: ["Idempotency-Key": long])
        let entry = stripe.emulator.requestLog().last
        #expect((entry?.path.count ?? .max) <= 2048)
        #expect((entry?.idempotencyKey?.count ?? .max) <= 256)
    }
}

@Suite struct AdminAccessTests {
    private func emulator(_ access: EmulatorConfiguration.AdminAccess) -> Emulator {
        var configuration = EmulatorConfiguration(rateLimit: nil, idSeed: 1)
        configuration.admin = access
        return Emulator(configuration: configuration)
    }

    @Test func closedAdminRoutesRefuseEverything() {
        let emulator = emulator(.closed)
        for (method, path) in [("POST", "/_emulator/reset"), ("POST", "/_emulator/faults"), ("GET", "/_emulator/requests")] {
            #expect(emulator.handle(EmulatorRequest(method: method, target: path, headers: [:], body: "{}")).response?.status == 403)
        }
    }

    @Test func aTokenIsRequiredWhenSet() {
        let emulator = emulator(.token("s3cret-token"))
        let reset = { (headers: [String: String]) in
            emulator.handle(EmulatorRequest(method: "POST", target: "/_emulator/reset", headers: headers, body: "")).response?.status
        }
        #expect(reset([:]) == 401)
        #expect(reset(["Emulator-Admin-Token": "wrong"]) == 401)
        #expect(reset(["Emulator-Admin-Token": "s3cret-token"]) == 200)
    }
}

/// Work per request stays linear in its size: a 1 MiB body cannot hold the emulator.
@Suite struct EmulatorWorkBoundTests {
    @Test(.timeLimit(.minutes(3)))
    func fiftyFiveThousandMetadataKeysAreRefusedQuickly() {
        let stripe = TestStripe()
        let body = "url=https://a.example/h&enabled_events[]=charge.failed&" + (0..<55_000).map { "metadata[k\($0)]=v" }.joined(separator: "&")
        #expect(body.utf8.count <= EmulatorLimits.maxBodyBytes)
        let start = ContinuousClock.now
        stripe.send("POST", "/v1/webhook_endpoints", body).expectError(400, param: "metadata")
        // About 0.1 s in a release build, 4 s in a debug one; it took a minute and more.
        #expect(ContinuousClock.now - start < .seconds(20))
    }

    @Test func aKeyGivenAgainCountsWhereItWasLastGiven() throws {
        let stripe = TestStripe()
        let created = stripe.create(extra: "metadata[a]=1&metadata[b]=2&metadata[a]=3")
        #expect(created["metadata"] as? [String: String] == ["a": "3", "b": "2"])
    }
}
