import Testing
@testable import ReconcileCore

@Suite struct MetadataRulesTests {
    private func metadata(_ value: String, connect: Bool = false) -> String {
        trigger("event: customer.updated\nurl: https://x.example\n\(connect ? "connect: true\n" : "")metadata: \(value)")
    }

    @Test func scalarsAreStoredAsWritten() {
        let config = expectValid(metadata("{team: crm, count: 3, ratio: 1.50, on: true, empty_ok: \" \"}"))
        #expect(config?.triggers.first?.metadata == ["team": "crm", "count": "3", "ratio": "1.50", "on": "true", "empty_ok": " "])
    }

    @Test func reservedKeysAreRefused() {
        for key in DeclaredTrigger.reservedMetadataKeys {
            expectError(metadata("{\(key): x}"),
                        "7:20: metadata key `\(key)` is reserved: reconcile writes it to mark the endpoints it manages")
        }
    }

    @Test func emptyValuesAreRefused() {
        expectError(metadata("{team: }"), "7:26: metadata `team` has no value")
        expectError(metadata("{team: \"\"}"), "7:26: metadata `team` is empty")
    }

    @Test func stripeLimits() {
        let longKey = String(repeating: "k", count: 41)
        expectError(metadata("{\(longKey): x}"),
                    "7:20: metadata key `\(String(repeating: "k", count: 20))…` is 41 characters long; Stripe accepts at most 40")
        expectError(metadata("{\"a[b]\": x}"), "7:20: metadata key `a[b]` contains `[` or `]`, which Stripe refuses")
        expectError(metadata("{a: \(String(repeating: "v", count: 501))}"),
                    "7:23: metadata `a` is 501 characters long; Stripe accepts at most 500")
    }

    @Test func keyCountLeavesRoomForReservedKeys() {
        let keys = { (n: Int) in "{" + (1...n).map { "k\($0): v" }.joined(separator: ", ") + "}" }
        #expect(expectValid(metadata(keys(47))) != nil)
        expectError(metadata(keys(48)), "7:19: `metadata` has 48 keys; at most 47 fit beside reconcile's own")
        // A Connect endpoint also carries `reconcile_connect`.
        expectError(metadata(keys(47), connect: true), "8:19: `metadata` has 47 keys; at most 46 fit beside reconcile's own")
    }

    @Test func wrongShapes() {
        expectError(metadata("[a, b]"), "7:19: `metadata` must be a mapping of keys to text, found a list")
        expectError(metadata("{a: [1]}"), "7:23: `metadata.a` must be a single value, found a list")
    }
}
