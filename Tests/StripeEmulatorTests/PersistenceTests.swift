import Foundation
import Testing
import StripeEmulator

@Suite struct PersistenceTests {
    private func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-tests-\(UUID().uuidString)")
        return url
    }

    @Test func roundTripKeepsEndpointsSecretsAndIdempotency() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = StateFile(path: folder.appendingPathComponent("nested/state.json").path)
        #expect(try file.load() == nil)

        let stripe = TestStripe()
        let created = stripe.send("POST", "/v1/webhook_endpoints", "url=https://a.example/h&enabled_events[]=charge.succeeded&metadata[k]=v",
                                  headers: ["Idempotency-Key": "p1"])
        stripe.create(key: "sk_live_persisted12345")
        try file.save(stripe.emulator.snapshot())

        let restored = TestStripe(snapshot: try file.load())
        #expect(restored.send("GET", "/v1/webhook_endpoints/\(created.id)")["metadata"] as? [String: String] == ["k": "v"])
        #expect(restored.emulator.endpoints(forKey: TestStripe.key)?.first?.secret == created["secret"] as? String)
        #expect(restored.emulator.endpoints(forKey: "sk_live_persisted12345")?.count == 1)
        let replay = restored.send("POST", "/v1/webhook_endpoints", "url=https://a.example/h&enabled_events[]=charge.succeeded&metadata[k]=v",
                                   headers: ["Idempotency-Key": "p1"])
        #expect(replay.text == created.text)
        #expect(try file.load()?.endpointCount == 2)
    }

    @Test func theFileNeverHoldsAKey() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = StateFile(path: folder.appendingPathComponent("state.json").path)
        let stripe = TestStripe()
        stripe.create()
        try file.save(stripe.emulator.snapshot())
        let text = try String(contentsOfFile: file.path, encoding: .utf8)
        #expect(!text.contains(TestStripe.key))
        #expect(text.contains(Emulator.fingerprint(ofKey: TestStripe.key)!))
    }

    @Test func saveReplacesAtomicallyAndLeavesNoTemporaryFiles() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = StateFile(path: folder.appendingPathComponent("state.json").path)
        let stripe = TestStripe()
        for _ in 0..<3 {
            stripe.create()
            try file.save(stripe.emulator.snapshot())
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["state.json"])
        #expect(try file.load()?.endpointCount == 3)
    }

    @Test func corruptFilesNameTheFile() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("state.json").path
        try "{not json".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try StateFile(path: path).load()
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains(path))
        }
    }
}
