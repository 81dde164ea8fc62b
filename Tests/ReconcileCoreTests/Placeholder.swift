import Testing

@Suite struct ReconcileCoreTestsPlaceholder {
    @Test func builds() { #expect(Bool(true)) }
}
