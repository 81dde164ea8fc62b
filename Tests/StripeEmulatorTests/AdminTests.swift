import Foundation
import Testing
import StripeEmulator

@Suite struct AdminTests {
    let stripe = TestStripe()

    @Test func endpointsShowSecretsForTheKeysAccountOnly() {
        let first = stripe.create()
        stripe.clock.advance(by: 1)
        let second = stripe.create()
        stripe.create(key: "sk_test_someoneElse123")
        let listed = stripe.send("GET", "/_emulator/endpoints")
        #expect(listed.ids == [second.id, first.id])
        #expect(listed.data.map { $0["secret"] as? String } == [second["secret"] as? String, first["secret"] as? String])
        #expect(stripe.send("GET", "/_emulator/endpoints", key: nil).status == 401)
    }

    @Test func requestLogIsReadableAndClearable() throws {
        stripe.create()
        _ = stripe.send("GET", "/v1/webhook_endpoints/we_nope")
        let log = try JSONDecoder().decode([RequestLogEntry].self, from: Data(stripe.send("GET", "/_emulator/requests").response.body))
        #expect(log.map(\.seq) == [1, 2])
        #expect(log.map(\.status) == [.status(200), .status(404)])
        #expect(log.map(\.isWrite) == [true, false])
        #expect(stripe.send("GET", "/_emulator/requests").text.contains(#""status":404"#))
        _ = stripe.send("DELETE", "/_emulator/requests")
        #expect(stripe.emulator.requestLog().isEmpty)
    }

    @Test func faultsCanBeReadAndReplaced() {
        let set = stripe.send("POST", "/_emulator/faults", #"{"drop": 0.5, "writesOnly": true}"#)
        #expect(set.status == 200)
        #expect(stripe.emulator.faults == EmulatorFaults(drop: 0.5, writesOnly: true))
        #expect(stripe.send("GET", "/_emulator/faults")["drop"] as? Double == 0.5)
        #expect(stripe.send("POST", "/_emulator/faults", "drop=1").status == 400)
    }

    @Test func resetForgetsEverything() {
        stripe.create()
        #expect(stripe.send("POST", "/_emulator/reset").status == 200)
        #expect(stripe.send("GET", "/v1/webhook_endpoints").ids.isEmpty)
        #expect(stripe.emulator.snapshot().endpointCount == 0)
    }

    @Test func unknownAdminRequests() {
        #expect(stripe.send("GET", "/_emulator/nothing").status == 404)
        #expect(stripe.send("PUT", "/_emulator/reset").status == 404)
    }
}
