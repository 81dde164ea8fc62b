import Foundation
import StripeAPI
import Testing

@Suite struct PlainHTTPRuleTests {
    private func verdict(_ base: String, live: Bool) -> PlainHTTPRule.Verdict {
        PlainHTTPRule.verdict(base: URL(string: base)!, live: live, keySource: "STRIPE_API_KEY")
    }

    @Test(arguments: ["https://api.stripe.com", "http://127.0.0.1:12111", "http://127.1.2.3", "http://localhost:8080",
                      "http://LOCALHOST", "http://[::1]:12111", "http://emulator.localhost"])
    func httpsAndLoopbackCarryAnyKey(base: String) {
        #expect(verdict(base, live: true) == .allow)
        #expect(verdict(base, live: false) == .allow)
    }

    @Test(arguments: ["http://some-host:8080", "http://10.0.0.1", "http://127.0.0.1.example.com", "http://[::2]", "http://128.0.0.1"])
    func aLiveKeyOverPlainHTTPElsewhereIsRefused(base: String) throws {
        guard case .refuse(let message) = verdict(base, live: true) else {
            Issue.record("\(base): a live key was not refused")
            return
        }
        #expect(message.contains("https://"))
        #expect(message.contains("STRIPE_API_KEY"))
        guard case .warn(let warning) = verdict(base, live: false) else {
            Issue.record("\(base): a test key got no warning")
            return
        }
        #expect(warning.contains("https://"))
    }
}
