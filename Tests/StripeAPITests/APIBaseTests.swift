import Foundation
import StripeAPI
import Testing

@Suite struct APIBaseTests {
    @Test(arguments: [
        ("https://api.stripe.com", "https://api.stripe.com"),
        ("https://api.stripe.com/", "https://api.stripe.com"),
        ("http://127.0.0.1:12111", "http://127.0.0.1:12111"),
        ("http://localhost:12111/", "http://localhost:12111"),
        ("HTTP://[::1]:8080", "HTTP://[::1]:8080"),
    ])
    func acceptsABareOrigin(input: String, expected: String) throws {
        #expect(try APIBase.parse(input).absoluteString == expected)
    }

    @Test(arguments: [
        ("api.stripe.com", "not an absolute"),
        ("ftp://api.stripe.com", "not an absolute"),
        ("https://api.stripe.com/v1", "has a path (/v1)"),
        ("https://user:pw@api.stripe.com", "credentials"),
        ("https://api.stripe.com/?x=1", "query"),
        ("", "not an absolute"),
    ])
    func refusesAnythingElse(input: String, problem: String) throws {
        let error = try #require(throws: APIBaseError.self) { try APIBase.parse(input) }
        #expect(error.description.contains(problem))
        #expect(error.description.contains("https://api.stripe.com"))
    }
}
