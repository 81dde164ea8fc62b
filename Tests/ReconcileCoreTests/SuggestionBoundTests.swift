import Foundation
import Testing
@testable import ReconcileCore

/// A pasted megabyte where an event type goes took 11 s of CPU in the "did you mean"
/// search; suggestions now look at no text longer than an event type could be.
@Suite struct SuggestionBoundTests {
    static let huge = String(repeating: "customer.updatd ", count: 57_000)

    @Test func aHugeUnknownEventGetsNoSuggestionAtOnce() {
        let start = ContinuousClock.now
        #expect(EventCatalog.bundled.suggestions(for: Self.huge).isEmpty)
        #expect(EventCatalog.bundled.search(Self.huge).isEmpty)
        #expect(ContinuousClock.now - start < .seconds(5), "it took 11 s before the bound; the margin is for a loaded machine")
    }

    @Test func aHugeUnknownEventInAConfigIsReportedQuickly() {
        let start = ContinuousClock.now
        let found = diagnostics(trigger("event: \"\(Self.huge)\"\nurl: https://a.example/x"))
        #expect(found.count == 1)
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test func aTypoStillGetsItsSuggestion() {
        #expect(EventCatalog.bundled.suggestions(for: "customer.updatd") == ["customer.updated"])
    }
}
