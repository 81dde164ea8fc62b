import Foundation
import Testing
@testable import StripeAPI

/// The client's JSON reader against Foundation's `JSONSerialization`, a parser no one here
/// wrote: both must accept and reject the same documents, and read the same values.
@Suite struct JSONParserTests {
    static let accepted = [
        #"{}"#, #"[]"#, #" {"a": [1, -2, 3.5, 1e3, -0.25E-2, 0], "b": null, "c": true, "d": false} "#,
        #"{"s": "plain", "e": "quote \" backslash \\ slash \/ \b\f\n\r\t", "u": "\u00e9\u4e2d\ud83d\ude00", "raw": "é中😀"}"#,
        #"[[[[["deep"]]]]]"#, #""just a string""#, "12345678901234567890", #"{"a":{"b":{"c":[{"d":"e"}]}}}"#,
        #"{"dup": 1, "dup": 2}"#, "\n\t [ 1 , 2 ] \r\n",
    ]
    static let rejected = [
        "", " ", "{", "}", "[1 2]", #"{"a" 1}"#, #"{a: 1}"#, "01", "1.", ".5", "-", "1e", "+1",
        #""unterminated"#, #""bad \x escape""#, #""\ud83d alone""#, #""\u12G4""#, "tru", "nul", "[1] x", #"{"a": 1}}"#,
        "\"tab\there\"", "[\"\u{01}\"]",
    ]

    @Test(arguments: accepted)
    func readsWhatFoundationReads(text: String) throws {
        let ours = try JSON.parse(Data(text.utf8))
        let theirs = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        #expect(Self.same(ours, theirs), "\(ours) vs \(theirs)")
    }

    @Test(arguments: rejected)
    func rejectsWhatFoundationRejects(text: String) {
        #expect(throws: JSONError.self) { try JSON.parse(Data(text.utf8)) }
        #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) == nil)
    }

    @Test func trailingCommasAreRefusedAsRFC8259Says() {
        // Foundation's parser lets them through; Stripe never sends them.
        #expect(throws: JSONError.self) { try JSON.parse(Data("[1,]".utf8)) }
        #expect(throws: JSONError.self) { try JSON.parse(Data(#"{"a": 1,}"#.utf8)) }
    }

    @Test func invalidUTF8IsAnError() {
        #expect(throws: JSONError.self) { try JSON.parse(Data([0x22, 0xFF, 0xFE, 0x22])) }
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONError.self) { try JSON.parse(Data(deep.utf8)) }
    }

    @Test func errorsSayWhere() {
        #expect(throws: JSONError("expected `,` or `]` at byte 3")) { try JSON.parse(Data("[1 2]".utf8)) }
    }

    @Test func largeIntegersKeepEveryDigit() throws {
        #expect(try JSON.parse(Data(#"{"t": 9223372036854775807}"#.utf8)).int64("t") == Int64.max)
    }

    /// Whether our tree holds what Foundation's objects hold (the last of duplicate keys
    /// wins in Foundation; ours keeps both in order and a lookup finds the first, so
    /// duplicates compare by key set only).
    static func same(_ ours: JSON, _ theirs: Any) -> Bool {
        switch ours {
        case .object(let members):
            guard let dictionary = theirs as? [String: Any], Set(members.map(\.key)) == Set(dictionary.keys) else { return false }
            return members.allSatisfy { member in
                members.filter { $0.key == member.key }.count > 1 || same(member.value, dictionary[member.key]!)
            }
        case .array(let items):
            guard let array = theirs as? [Any], array.count == items.count else { return false }
            return zip(items, array).allSatisfy { same($0, $1) }
        case .string(let value): return (theirs as? String) == value
        case .number(let text): return (theirs as? NSNumber).map { Double(text) == $0.doubleValue } ?? false
        case .bool(let value): return (theirs as? Bool) == value
        case .null: return theirs is NSNull
        }
    }
}
