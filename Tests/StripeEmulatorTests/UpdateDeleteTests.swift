import Foundation
import Testing
import StripeEmulator

@Suite struct UpdateDeleteTests {
    let stripe = TestStripe()

    @Test func updateChangesFieldsInPlace() {
        let id = stripe.create(extra: "metadata[a]=1&metadata[b]=2&description=old").id
        let updated = stripe.send("POST", "/v1/webhook_endpoints/\(id)",
                                  "url=https://new.example/h&enabled_events[0]=invoice.paid&disabled=true&metadata[a]=&metadata[c]=3&description=")
        #expect(updated.status == 200, "\(updated.text)")
        #expect(updated["url"] as? String == "https://new.example/h")
        #expect(updated["enabled_events"] as? [String] == ["invoice.paid"])
        #expect(updated["status"] as? String == "disabled")
        #expect(updated["metadata"] as? [String: String] == ["b": "2", "c": "3"])
        #expect(updated["description"] is NSNull)
        #expect(updated["secret"] == nil)
        #expect(updated.id == id)
        let enabled = stripe.send("POST", "/v1/webhook_endpoints/\(id)", "disabled=false&metadata=")
        #expect(enabled["status"] as? String == "enabled")
        #expect(enabled["metadata"] as? [String: String] == [:])
    }

    @Test func createOnlyFieldsAreRefusedOnUpdate() {
        let id = stripe.create().id
        stripe.send("POST", "/v1/webhook_endpoints/\(id)", "api_version=2024-06-20")
            .expectError(400, code: "parameter_unknown", param: "api_version")
        stripe.send("POST", "/v1/webhook_endpoints/\(id)", "connect=true")
            .expectError(400, code: "parameter_unknown", param: "connect")
        stripe.send("POST", "/v1/webhook_endpoints/\(id)", "url=")
            .expectError(400, code: "parameter_invalid_empty", param: "url")
        stripe.send("POST", "/v1/webhook_endpoints/\(id)", "enabled_events[]=nope")
            .expectError(400, param: "enabled_events")
    }

    @Test func liveUpdateRequiresHTTPS() {
        let key = "rk_live_emulatorTests1234"
        let id = stripe.create(key: key).id
        stripe.send("POST", "/v1/webhook_endpoints/\(id)", "url=http://example.com/h", key: key)
            .expectError(400, param: "url")
    }

    @Test func missingEndpoints() {
        for (method, body) in [("GET", ""), ("POST", "description=x"), ("DELETE", "")] {
            let reply = stripe.send(method, "/v1/webhook_endpoints/we_missing123", body)
            reply.expectError(404, code: "resource_missing", param: "id")
            #expect(reply.error["message"] as? String == "No such webhook_endpoint: 'we_missing123'")
            #expect(reply.error["doc_url"] as? String == "https://stripe.com/docs/error-codes/resource-missing")
        }
    }

    @Test func deleteReturnsTheDeletedStubThen404() {
        let id = stripe.create().id
        let deleted = stripe.send("DELETE", "/v1/webhook_endpoints/\(id)")
        #expect(deleted.text == #"{"id":"\#(id)","object":"webhook_endpoint","deleted":true}"#)
        stripe.send("DELETE", "/v1/webhook_endpoints/\(id)").expectError(404, code: "resource_missing", param: "id")
        stripe.send("GET", "/v1/webhook_endpoints/\(id)").expectError(404, code: "resource_missing", param: "id")
    }

    @Test func accountsAreSeparate() {
        let id = stripe.create().id
        stripe.send("GET", "/v1/webhook_endpoints/\(id)", key: "sk_test_someoneElse123").expectError(404, code: "resource_missing", param: "id")
    }

    @Test func unknownQueryParametersOnReads() {
        let id = stripe.create().id
        stripe.send("GET", "/v1/webhook_endpoints/\(id)?colour=blue").expectError(400, code: "parameter_unknown", param: "colour")
        stripe.send("DELETE", "/v1/webhook_endpoints/\(id)?x=1").expectError(400, code: "parameter_unknown", param: "x")
        #expect(stripe.send("GET", "/v1/webhook_endpoints/\(id)?expand[]=").status == 200)
        stripe.send("GET", "/v1/webhook_endpoints/\(id)?expand[]=application").expectError(400, param: "expand")
    }
}
