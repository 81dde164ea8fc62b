import Testing
@testable import ReconcileCore

@Suite struct SmokeTests {
    @Test func loads() {
        let r = ConfigLoader.load(text: "version: 1\nworkflows: []\n", path: "a.yaml", environment: [:])
        #expect((try? r.get()) != nil)
    }
}
