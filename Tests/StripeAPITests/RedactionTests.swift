import Foundation
import StripeAPI
import Testing

@Suite struct RedactionTests {
    private let apiKey = "sk_test_51ABCdefGHIjklMNOpqrSTUvwxYZ"

    @Test func secretsInErrorBodiesNeverReachTheMessage() async throws {
        let echo = "key \(apiKey), secret whsec_abcDEF123, header Bearer \(apiKey), live sk_live_XYZ789, rk_live_Q1w2"
        let steps: [ScriptedTransport.Step] = [
            .stripeError(400, code: "whsec_codeLeak", message: echo, param: "sk_test_paramLeak"),
            .json(200, "<html>\(echo)</html>"),
            .json(500, "oops \(echo)"),
        ]
        for step in steps {
            let client = Fixtures.client(ScriptedTransport([step]), retry: .never, apiKey: apiKey)
            let error = try await #require(throws: StripeError.self) {
                _ = try await client.listAllWebhookEndpoints()
            }
            var dumped = ""
            dump(error, to: &dumped)
            for text in [error.description, dumped] {
                for secret in ["51ABCdef", "abcDEF123", "XYZ789", "Q1w2", "codeLeak", "paramLeak"] {
                    #expect(!text.contains(secret), "\(secret) leaked in \(text)")
                }
            }
        }
    }

    @Test func theClientNeverPrintsItsKey() {
        let client = Fixtures.client(ScriptedTransport([]), apiKey: apiKey)
        var dumped = ""
        dump(client, to: &dumped)
        #expect(!dumped.contains(apiKey))
        #expect(!String(describing: client).contains(apiKey))
    }

    @Test func printingARequestNeverShowsTheKey() {
        let request = HTTPRequest(
            method: "POST", url: URL(string: "https://api.stripe.com/v1/webhook_endpoints")!,
            headers: ["Authorization": "Bearer \(apiKey)"], body: Data("x=1".utf8))
        var dumped = ""
        dump(request, to: &dumped)
        #expect(!dumped.contains(apiKey))
        #expect(!String(describing: request).contains(apiKey))
        #expect(String(describing: request).contains("[redacted]"))
    }

    @Test func redactorKeepsPrefixes() {
        let redactor = SecretRedactor(literals: ["custom-key-123456"])
        #expect(redactor.redact("a custom-key-123456 b whsec_x1 c sk_test_y2 Bearer zzz")
            == "a [redacted] b whsec_[redacted] c sk_test_[redacted] Bearer [redacted]")
    }
}
