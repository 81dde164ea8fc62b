import Testing

@Suite struct ReconcilerTestsPlaceholder {
    @Test func builds() { #expect(Bool(true)) }
}
