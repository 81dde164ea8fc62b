import Testing
@testable import StripeEmulator

@Suite struct FormDecodingTests {
    private func decode(_ text: String) throws -> FormDecoder.Parameters {
        try FormDecoder.decode([text])
    }

    @Test func arraysIndexedAppendedAndEscapedMeanTheSame() throws {
        let forms = [
            "enabled_events[0]=a&enabled_events[1]=b",
            "enabled_events[]=a&enabled_events[]=b",
            "enabled_events%5B0%5D=a&enabled_events%5B1%5D=b",
            "enabled_events%5b%5d=a&enabled_events%5b%5d=b",
            "enabled_events[1]=b&enabled_events[0]=a",
        ]
        for form in forms {
            #expect(try decode(form)["enabled_events"] == .list(["a", "b"]), "\(form)")
        }
    }

    @Test func indexesSortNumerically() throws {
        let form = (0..<12).map { "e[\($0)]=v\($0)" }.reversed().joined(separator: "&")
        #expect(try decode(form)["e"] == .list((0..<12).map { "v\($0)" }))
    }

    @Test func mapsScalarsPlusAndPercent() throws {
        let parameters = try decode("metadata[team]=crm+ops&metadata[x%20y]=a%26b&url=https%3A%2F%2Fh.example%2Fa%3Fb%3Dc")
        #expect(parameters["metadata"] == .map([("team", "crm ops"), ("x y", "a&b")]))
        #expect(parameters["url"] == .scalar("https://h.example/a?b=c"))
        #expect(parameters.names == ["metadata", "url"])
    }

    @Test func emptyValuesAndMissingEquals() throws {
        let parameters = try decode("metadata=&description&metadata2[k]=")
        #expect(parameters["metadata"] == .scalar(""))
        #expect(parameters["description"] == .scalar(""))
        #expect(parameters["metadata2"] == .map([("k", "")]))
    }

    @Test func laterDuplicatesWin() throws {
        #expect(try decode("url=a&url=b")["url"] == .scalar("b"))
        #expect(try decode("m[k]=1&m[k]=2")["m"] == .map([("k", "2")]))
    }

    @Test func queryAndBodyMerge() throws {
        let parameters = try FormDecoder.decode(["limit=3", "url=x"])
        #expect(parameters.names == ["limit", "url"])
    }

    @Test func nestedAndMixedShapesAreErrors() {
        #expect(throws: StripeError.self) { try decode("metadata[a][b]=1") }
        #expect(throws: StripeError.self) { try decode("e=a&e[]=b") }
        #expect(throws: StripeError.self) { try decode("e[]=a&e[k]=b") }
    }

    @Test func canonicalIgnoresEncodingVariants() throws {
        let a = try decode("url=x&enabled_events[0]=a&metadata[k]=v&metadata[j]=w")
        let b = try decode("metadata%5Bj%5D=w&enabled_events[]=a&url=x&metadata[k]=v")
        #expect(a.canonical == b.canonical)
        #expect(try decode("url=x&enabled_events[0]=b").canonical != a.canonical)
    }

    @Test func invalidPercentEscapesStayLiteral() {
        #expect(FormDecoder.percentDecode("100%zz%4") == "100%zz%4")
    }
}
