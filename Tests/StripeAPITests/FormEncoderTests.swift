import Foundation
import StripeAPI
import Testing

@Suite struct FormEncoderTests {
    @Test func createParamsEncodeAsStripeSDKsDo() {
        let params = WebhookEndpointCreateParams(
            url: "https://hooks.example.com/w/1?x=a b", enabledEvents: ["customer.updated", "invoice.paid"],
            description: "CRM sync & more", apiVersion: "2024-06-20", connect: true,
            metadata: ["team": "crm", "managed_by": "reconcile"])
        #expect(params.form.encoded == "url=https%3A%2F%2Fhooks.example.com%2Fw%2F1%3Fx%3Da+b"
            + "&enabled_events%5B0%5D=customer.updated&enabled_events%5B1%5D=invoice.paid"
            + "&description=CRM+sync+%26+more&api_version=2024-06-20&connect=true"
            + "&metadata%5Bmanaged_by%5D=reconcile&metadata%5Bteam%5D=crm")
    }

    @Test func createParamsOmitWhatIsUnset() {
        let params = WebhookEndpointCreateParams(url: "https://a.example", enabledEvents: ["*"])
        #expect(params.form.encoded == "url=https%3A%2F%2Fa.example&enabled_events%5B0%5D=%2A")
        #expect(!params.form.encoded.contains("disabled"))
    }

    @Test func updateParamsUnsetMetadataAndClearDescription() {
        let params = WebhookEndpointUpdateParams(
            description: "", disabled: false, metadata: ["old": nil, "team": "crm"])
        #expect(params.form.encoded == "description=&disabled=false&metadata%5Bold%5D=&metadata%5Bteam%5D=crm")
    }

    @Test func updateParamsNeverSendCreateOnlyFields() {
        let params = WebhookEndpointUpdateParams(url: "https://b.example", enabledEvents: ["a.b"], disabled: true)
        #expect(params.form.encoded == "url=https%3A%2F%2Fb.example&enabled_events%5B0%5D=a.b&disabled=true")
        #expect(WebhookEndpointUpdateParams().isEmpty)
    }

    @Test(arguments: [
        ("abcXYZ019-_.~", "abcXYZ019-_.~"),
        ("a b", "a+b"),
        ("a+b", "a%2Bb"),
        ("[]", "%5B%5D"),
        ("é", "%C3%A9"),
        ("😀", "%F0%9F%98%80"),
        ("/?&=#%*", "%2F%3F%26%3D%23%25%2A"),
        ("", ""),
    ])
    func escapesAsQuotePlus(input: String, expected: String) {
        #expect(FormEncoder.escape(input) == expected)
    }
}
