import Foundation
import Testing
import StripeEmulator

@Suite struct CreateTests {
    let stripe = TestStripe()

    @Test func createReturnsTheFullObjectWithSecretOnce() {
        let created = stripe.create(url: "https://example.com/hook", events: ["customer.updated", "invoice.paid"],
                                    extra: "description=Hello+there&metadata[team]=crm&api_version=2024-06-20")
        let json = created.json
        #expect(created.id.hasPrefix("we_") && created.id.count == 27)
        #expect(json["object"] as? String == "webhook_endpoint")
        #expect(json["api_version"] as? String == "2024-06-20")
        #expect(json["application"] is NSNull)
        #expect(json["created"] as? Int == Int(stripe.clock.now()))
        #expect(json["description"] as? String == "Hello there")
        #expect(json["enabled_events"] as? [String] == ["customer.updated", "invoice.paid"])
        #expect(json["livemode"] as? Bool == false)
        #expect(json["metadata"] as? [String: String] == ["team": "crm"])
        #expect((json["secret"] as? String)?.hasPrefix("whsec_") == true)
        #expect((json["secret"] as? String)?.count == 38)
        #expect(json["status"] as? String == "enabled")
        #expect(json["url"] as? String == "https://example.com/hook")
        #expect(json["connect"] == nil)
        #expect(created.response.headers["Request-Id"]?.hasPrefix("req_") == true)

        let retrieved = stripe.send("GET", "/v1/webhook_endpoints/\(created.id)")
        #expect(retrieved.status == 200)
        #expect(retrieved["secret"] == nil)
        #expect(stripe.send("GET", "/v1/webhook_endpoints").data.allSatisfy { $0["secret"] == nil })
    }

    @Test func defaultsAreNull() {
        let json = stripe.create().json
        #expect(json["api_version"] is NSNull)
        #expect(json["description"] is NSNull)
        #expect(json["metadata"] as? [String: String] == [:])
    }

    @Test func connectEndpointsShowAnApplicationNotConnect() {
        let json = stripe.create(extra: "connect=true").json
        #expect((json["application"] as? String)?.hasPrefix("ca_") == true)
        #expect(json["connect"] == nil)
    }

    @Test func wildcardIsAccepted() {
        #expect(stripe.create(events: ["*"])["enabled_events"] as? [String] == ["*"])
    }

    @Test func requiredParameters() {
        stripe.send("POST", "/v1/webhook_endpoints", "enabled_events[]=charge.succeeded")
            .expectError(400, code: "parameter_missing", param: "url")
        stripe.send("POST", "/v1/webhook_endpoints", "url=https://a.example/h")
            .expectError(400, code: "parameter_missing", param: "enabled_events")
        stripe.send("POST", "/v1/webhook_endpoints", "url=&enabled_events[]=charge.succeeded")
            .expectError(400, code: "parameter_invalid_empty", param: "url")
        stripe.send("POST", "/v1/webhook_endpoints", "url=https://a.example/h&enabled_events=")
            .expectError(400, code: "parameter_invalid_empty", param: "enabled_events")
    }

    @Test func unknownAndUpdateOnlyParametersAreRefused() {
        stripe.send("POST", "/v1/webhook_endpoints", "url=https://a.example/h&enabled_events[]=charge.succeeded&disabled=true")
            .expectError(400, code: "parameter_unknown", param: "disabled")
        stripe.send("POST", "/v1/webhook_endpoints", "colour=blue&url=https://a.example/h&enabled_events[]=charge.succeeded")
            .expectError(400, code: "parameter_unknown", param: "colour")
    }

    @Test func unknownEventTypesAreRefused() {
        stripe.send("POST", "/v1/webhook_endpoints", "url=https://a.example/h&enabled_events[]=charge.succeeded&enabled_events[]=not.a_type")
            .expectError(400, param: "enabled_events")
        stripe.send("POST", "/v1/webhook_endpoints", "url=https://a.example/h&enabled_events=charge.succeeded")
            .expectError(400, param: "enabled_events")
    }

    @Test func urlsMustBeAbsoluteHTTP() {
        for url in ["example.com/h", "ftp://example.com/h", "https://", "not a url"] {
            stripe.send("POST", "/v1/webhook_endpoints", "url=\(url)&enabled_events[]=charge.succeeded")
                .expectError(400, code: "url_invalid", param: "url")
        }
        #expect(stripe.create(url: "http://127.0.0.1:8080/hook").status == 200)
    }

    @Test func liveModeRequiresHTTPS() {
        let live = "sk_live_emulatorTests1234"
        let refused = stripe.send("POST", "/v1/webhook_endpoints", "url=http://example.com/h&enabled_events[]=charge.succeeded", key: live)
        refused.expectError(400, param: "url")
        #expect(refused.error["message"] as? String == #"Invalid URL: http://example.com/h. URLs in livemode must begin with "https://""#)
        let created = stripe.create(url: "https://example.com/h", key: live)
        #expect(created["livemode"] as? Bool == true)
        // Test and live mode are separate accounts.
        #expect(stripe.send("GET", "/v1/webhook_endpoints").data.isEmpty)
    }

    @Test func descriptionAndMetadataLimits() {
        let long = String(repeating: "a", count: 5001)
        stripe.send("POST", "/v1/webhook_endpoints", "url=https://a.example/h&enabled_events[]=charge.succeeded&description=\(long)")
            .expectError(400, param: "description")
        let keys = (0...50).map { "metadata[k\($0)]=v" }.joined(separator: "&")
        stripe.send("POST", "/v1/webhook_endpoints", "url=https://a.example/h&enabled_events[]=charge.succeeded&\(keys)")
            .expectError(400, param: "metadata")
        stripe.send("POST", "/v1/webhook_endpoints", "url=https://a.example/h&enabled_events[]=charge.succeeded&metadata[\(String(repeating: "k", count: 41))]=v")
            .expectError(400, param: "metadata")
        stripe.send("POST", "/v1/webhook_endpoints", "url=https://a.example/h&enabled_events[]=charge.succeeded&metadata[k]=\(String(repeating: "v", count: 501))")
            .expectError(400, param: "metadata")
        stripe.send("POST", "/v1/webhook_endpoints", "url=https://a.example/h&enabled_events[]=charge.succeeded&metadata[a[b]=v")
            .expectError(400, param: "metadata")
        #expect(stripe.create(extra: String(repeating: "x", count: 0) + (0..<50).map { "metadata[k\($0)]=v" }.joined(separator: "&")).status == 200)
    }

    @Test func badAPIVersionAndBooleans() {
        stripe.send("POST", "/v1/webhook_endpoints", "url=https://a.example/h&enabled_events[]=charge.succeeded&api_version=1999-01-01")
            .expectError(400, param: "api_version")
        stripe.send("POST", "/v1/webhook_endpoints", "url=https://a.example/h&enabled_events[]=charge.succeeded&connect=yes")
            .expectError(400, param: "connect")
    }

    @Test func endpointCapIsPerAccountAndConfigurable() {
        let stripe = TestStripe(maxEndpoints: 3)
        for _ in 0..<3 { stripe.create() }
        let refused = stripe.send("POST", "/v1/webhook_endpoints", "url=https://a.example/h&enabled_events[]=charge.succeeded")
        refused.expectError(400)
        #expect(refused.error["message"] as? String == "You have reached the maximum of 3 test webhook endpoints.")
        #expect(stripe.create(key: "sk_test_anotherAccount99").status == 200)
        _ = stripe.send("DELETE", "/v1/webhook_endpoints/\(stripe.send("GET", "/v1/webhook_endpoints").ids[0])")
        #expect(stripe.create().status == 200)
    }

    @Test func idsAreUniqueAndSeeded() {
        let first = TestStripe().create().id
        #expect(first == TestStripe().create().id)
        let ids = Set((0..<16).map { _ in stripe.create().id })
        #expect(ids.count == 16)
    }
}
