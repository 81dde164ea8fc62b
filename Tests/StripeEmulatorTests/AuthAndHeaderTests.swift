import Foundation
import Testing
import StripeEmulator

@Suite struct AuthAndHeaderTests {
    let stripe = TestStripe()

    @Test func missingOrBadKeysAre401() {
        let missing = stripe.send("GET", "/v1/webhook_endpoints", key: nil)
        missing.expectError(401)
        #expect((missing.error["message"] as? String)?.hasPrefix("You did not provide an API key.") == true)
        let bad = stripe.send("GET", "/v1/webhook_endpoints", key: "sk_test_bad!key")
        bad.expectError(401)
        #expect((bad.error["message"] as? String)?.hasPrefix("Invalid API Key provided: sk_test_***") == true)
        #expect(!bad.text.contains("bad!key"))
        stripe.send("GET", "/v1/webhook_endpoints", key: "pk_test_publishable1234").expectError(401)
        stripe.send("GET", "/v1/webhook_endpoints", key: nil, headers: ["Authorization": "Token abc"]).expectError(401)
    }

    @Test func basicAuthWorksLikeCurlDashU() {
        let basic = "Basic " + Data("\(TestStripe.key):".utf8).base64EncodedString()
        #expect(stripe.send("GET", "/v1/webhook_endpoints", key: nil, headers: ["Authorization": basic]).status == 200)
    }

    @Test func readOnlyRestrictedKeysCannotWrite() {
        let key = "rk_test_readonly_1234abcd"
        #expect(stripe.send("GET", "/v1/webhook_endpoints", key: key).status == 200)
        stripe.send("POST", "/v1/webhook_endpoints", "url=https://a.example/h&enabled_events[]=charge.succeeded", key: key).expectError(403)
        stripe.send("DELETE", "/v1/webhook_endpoints/we_x", key: key).expectError(403)
        stripe.send("GET", "/v1/webhook_endpoints", key: "rk_test_noaccess_1234").expectError(403)
        // `_readonly` only restricts restricted keys.
        #expect(stripe.create(key: "sk_test_readonly_1234abcd").status == 200)
    }

    @Test func stripeVersionIsValidatedAndEchoed() {
        let ok = stripe.send("GET", "/v1/webhook_endpoints", headers: ["Stripe-Version": "2024-06-20"])
        #expect(ok.status == 200)
        #expect(ok.response.headers["Stripe-Version"] == "2024-06-20")
        let bad = stripe.send("GET", "/v1/webhook_endpoints", headers: ["Stripe-Version": "2099-13-01"])
        bad.expectError(400)
        #expect(bad.error["message"] as? String == "Invalid Stripe API version: 2099-13-01")
    }

    @Test func stripeAccountHeaderIsRefused() {
        stripe.send("GET", "/v1/webhook_endpoints", headers: ["Stripe-Account": "acct_123"]).expectError(400)
    }

    @Test func otherPathsAndMethodsAreUnrecognized() {
        for (method, path) in [("GET", "/v1/customers"), ("PUT", "/v1/webhook_endpoints"), ("PATCH", "/v1/webhook_endpoints/we_1"),
                               ("DELETE", "/v1/webhook_endpoints"), ("GET", "/v1/webhook_endpoints/we_1/x"), ("GET", "/")] {
            let reply = stripe.send(method, path)
            reply.expectError(404)
            #expect((reply.error["message"] as? String)?.hasPrefix("Unrecognized request URL (\(method): \(path))") == true)
        }
    }

    @Test func trailingSlashesGetStripesHint() {
        let reply = stripe.send("GET", "/v1/webhook_endpoints/")
        reply.expectError(404)
        #expect((reply.error["message"] as? String)?.contains("remove the trailing slash") == true)
    }

    @Test func errorBodiesHaveStripesShape() {
        let reply = stripe.send("GET", "/v1/webhook_endpoints/we_nope")
        #expect(reply.text.hasPrefix(#"{"error":{"code":"resource_missing","doc_url":"https://stripe.com/docs/error-codes/resource-missing","message":"No such webhook_endpoint: 'we_nope'","param":"id","request_log_url":"https://dashboard.stripe.com/test/logs/req_"#))
        #expect(reply.text.hasSuffix(#","type":"invalid_request_error"}}"#))
    }

    @Test func fingerprintsAreStableAndHideTheKey() {
        let fingerprint = Emulator.fingerprint(ofKey: TestStripe.key)
        #expect(fingerprint == Emulator.fingerprint(ofKey: TestStripe.key))
        #expect(fingerprint?.hasPrefix("acct_") == true && fingerprint?.count == 21)
        #expect(fingerprint != Emulator.fingerprint(ofKey: "sk_live_emulatorTests1234"))
        stripe.create()
        let log = stripe.emulator.requestLog()
        #expect(log.last?.account == fingerprint)
        let encoded = String(decoding: try! JSONEncoder().encode(log), as: UTF8.self)
        #expect(!encoded.contains(TestStripe.key))
    }
}
