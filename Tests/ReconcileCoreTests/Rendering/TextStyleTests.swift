import Testing
@testable import ReconcileCore

/// One rule decides colour for every stream: a terminal, no `NO_COLOR`, no `TERM=dumb`.
@Suite struct TextStyleTests {
    @Test func colourOnlyOnATerminalThatAllowsIt() {
        #expect(TextStyle.forTerminal(isTTY: true, environment: [:]).enabled)
        #expect(TextStyle.forTerminal(isTTY: true, environment: ["NO_COLOR": ""]).enabled)
        #expect(!TextStyle.forTerminal(isTTY: false, environment: [:]).enabled)
        #expect(!TextStyle.forTerminal(isTTY: true, environment: ["NO_COLOR": "1"]).enabled)
        #expect(!TextStyle.forTerminal(isTTY: true, environment: ["TERM": "dumb"]).enabled)
    }

    @Test func paintWrapsOnlyWhenEnabled() {
        #expect(TextStyle(enabled: true).paint("x", .boldRed) == "\u{1B}[1;31mx\u{1B}[0m")
        #expect(TextStyle.plain.paint("x", .boldRed) == "x")
    }
}
