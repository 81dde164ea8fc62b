import Testing
import StripeEmulator

@Suite struct ListTests {
    let stripe = TestStripe()

    /// Creates `count` endpoints, some in the same second, and returns their ids newest first.
    private func seed(_ count: Int) -> [String] {
        var ids: [String] = []
        for index in 0..<count {
            if index % 2 == 0 { stripe.clock.advance(by: 1) }
            ids.append(stripe.create(url: "https://example.com/\(index)").id)
        }
        return ids.reversed()
    }

    @Test func newestFirstWithDefaultLimitTen() {
        let ids = seed(12)
        let page = stripe.send("GET", "/v1/webhook_endpoints")
        #expect(page.ids == Array(ids.prefix(10)))
        #expect(page["has_more"] as? Bool == true)
        #expect(page["object"] as? String == "list")
        #expect(page["url"] as? String == "/v1/webhook_endpoints")
    }

    @Test func startingAfterWalksForward() {
        let ids = seed(5)
        var seen: [String] = []
        var cursor: String?
        var pages = 0
        repeat {
            let page = stripe.send("GET", "/v1/webhook_endpoints?limit=2" + (cursor.map { "&starting_after=\($0)" } ?? ""))
            seen += page.ids
            cursor = page.ids.last
            pages += 1
            if page["has_more"] as? Bool != true { break }
        } while pages < 10
        #expect(seen == ids)
        #expect(pages == 3)
    }

    @Test func endingBeforeWalksBackward() {
        let ids = seed(5)
        let page = stripe.send("GET", "/v1/webhook_endpoints?limit=2&ending_before=\(ids[4])")
        #expect(page.ids == [ids[2], ids[3]])
        #expect(page["has_more"] as? Bool == true)
        let first = stripe.send("GET", "/v1/webhook_endpoints?limit=2&ending_before=\(ids[2])")
        #expect(first.ids == [ids[0], ids[1]])
        #expect(first["has_more"] as? Bool == false)
    }

    @Test func limitBounds() {
        for limit in ["0", "101", "abc", "-1"] {
            stripe.send("GET", "/v1/webhook_endpoints?limit=\(limit)").expectError(400, code: "parameter_invalid_integer", param: "limit")
        }
        #expect(stripe.send("GET", "/v1/webhook_endpoints?limit=100").status == 200)
        #expect(stripe.send("GET", "/v1/webhook_endpoints?limit=1").status == 200)
    }

    @Test func cursorErrors() {
        let ids = seed(2)
        stripe.send("GET", "/v1/webhook_endpoints?starting_after=\(ids[0])&ending_before=\(ids[1])").expectError(400)
        stripe.send("GET", "/v1/webhook_endpoints?starting_after=we_gone").expectError(404, code: "resource_missing", param: "starting_after")
        stripe.send("GET", "/v1/webhook_endpoints?foo=1").expectError(400, code: "parameter_unknown", param: "foo")
    }

    @Test func emptyAccount() {
        let page = stripe.send("GET", "/v1/webhook_endpoints")
        #expect(page.text == #"{"object":"list","data":[],"has_more":false,"url":"/v1/webhook_endpoints"}"#)
    }
}
