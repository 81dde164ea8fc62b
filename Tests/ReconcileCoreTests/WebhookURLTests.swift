import Testing
@testable import ReconcileCore

/// The fast path for plain https urls agrees with the full check: whatever it accepts, the
/// full check accepts too, and what it leaves to the full check is still judged there.
@Suite struct WebhookURLTests {
    static let plain = [
        "https://hooks.example.com", "https://hooks.example.com/", "https://api.mesa.dev/v1/hooks/abc-123_x~y",
        "https://h.example.com/a?b=c&d=e+f", "https://EXAMPLE.com/Path/With:colon", "https://x.io/a,b;c!d*e(f)g$h'i",
        "https://a-b.c-d.e/?", "https://1.2.3.4/x",
    ]
    static let leftToTheFullCheck = [
        "https://hooks.example.com:8443/a", "https://user:pw@hooks.example.com/a", "https://hooks.example.com/a%20b",
        "https://hooks.example.com/a#frag", "https://[::1]/a", "https://hooks.example.com/ä", "http://hooks.example.com/a",
        "http://127.0.0.1:12111/a", "HTTPS://hooks.example.com/a", "https://", "https:///a", "https://hooks example.com/a",
        "hooks.example.com/a", "ftp://hooks.example.com/a", "https://hooks.example.com/a\\b", "https://hooks.example.com/a\"b",
        "", "https://hooks.example.com/a<b>",
    ]

    @Test(arguments: plain)
    func plainHTTPSUrlsTakeTheFastPathAndTheFullCheckAgrees(url: String) {
        #expect(WebhookURL.isPlainHTTPS(url))
        #expect(WebhookURL.checked(url) == nil, "the full check refuses \(url)")
    }

    @Test(arguments: leftToTheFullCheck)
    func everythingElseGoesTheFullWay(url: String) {
        #expect(!WebhookURL.isPlainHTTPS(url))
        #expect(WebhookURL.problem(url)?.message == WebhookURL.checked(url)?.message)
    }

    @Test func theFullCheckStillRefusesWhatItRefused() {
        #expect(WebhookURL.problem("https://user:pw@hooks.example.com/a")?.message.contains("credentials") == true)
        #expect(WebhookURL.problem("http://hooks.example.com/a")?.message.contains("loopback") == true)
        #expect(WebhookURL.problem("https://") != nil)
        #expect(WebhookURL.problem("http://127.0.0.1:12111/a") == nil)
    }
}
