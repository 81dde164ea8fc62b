import Foundation
import Testing

/// `--secrets-exec CMD`: each new endpoint's secret reaches CMD on stdin, never its
/// arguments, environment or reconcile's output; a failing or slow command fails the run.
@Suite struct SecretsExecTests {
    static let triggers = [("sync", "customer.updated"), ("dunning", "invoice.payment_failed")]

    @Test func theCommandGetsEachSecretOnStdinOnly() async throws {
        let s = try await Scenario()
        defer { s.finish() }
        try s.write(config(Self.triggers))
        let out = s.folder.appendingPathComponent("received")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let command = #"f=$(mktemp -p "$OUT" rec-XXXXXX); cat > "$f"; env > "$f.env"; echo "$0 $*" > "$f.args""#
        let result = try await s.reconcile(["--secrets-exec", command], environment: ["OUT": out.path])
        #expect(result.status == 0, "\(result.all)")
        #expect(!result.all.contains("whsec_"))

        let secrets = Dictionary(uniqueKeysWithValues: try await s.endpoints().compactMap { e in
            (e["id"] as? String).flatMap { id in (e["secret"] as? String).map { (id, $0) } }
        })
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
        let records = files.filter { !$0.contains(".") }
        #expect(records.count == 2)
        var triggers: [String] = []
        for name in records {
            let data = try Data(contentsOf: out.appendingPathComponent(name))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(Set(json.keys) == ["owner", "trigger", "endpoint_id", "url", "secret", "created"])
            let id = try #require(json["endpoint_id"] as? String)
            #expect(json["secret"] as? String == secrets[id])
            #expect(json["owner"] as? String == "e2e")
            triggers.append(json["trigger"] as? String ?? "")
            let secret = try #require(secrets[id])
            for side in [".env", ".args"] {
                let text = try String(contentsOf: out.appendingPathComponent(name + side), encoding: .utf8)
                #expect(!text.contains(secret) && !text.contains("whsec_"), "the secret is in the command's \(side)")
            }
        }
        #expect(triggers.sorted() == ["dunning/invoice.payment_failed", "sync/customer.updated"])
    }

    @Test func aFailingCommandExits1NamingTheTriggerAndStatusWithNothingSecret() async throws {
        let s = try await Scenario()
        defer { s.finish() }
        try s.write(config([("sync", "customer.updated")]))
        let file = s.folder.appendingPathComponent("secrets.json")
        // It echoes its input, secret included, to both streams before failing.
        let result = try await s.reconcile(["--secrets-exec", "cat; cat /dev/stdin >&2; echo vault is sealed >&2; exit 3", "--secrets-out", file.path])
        #expect(result.status == 1, "\(result.all)")
        let id = try #require(try await s.endpoints().first?["id"] as? String)
        let secret = try #require(try await s.endpoints().first?["secret"] as? String)
        #expect(result.all.contains("--secrets-exec for e2e/sync/customer.updated (\(id)) exited with status 3"))
        #expect(result.all.contains("vault is sealed"))
        #expect(!result.all.contains(secret) && !result.all.contains("whsec_"))
        // The file still holds it.
        #expect(try String(contentsOf: file, encoding: .utf8).contains(secret))
    }

    @Test func aCommandPastItsTimeoutIsStoppedAndFailsTheRun() async throws {
        let s = try await Scenario()
        defer { s.finish() }
        try s.write(config([("sync", "customer.updated")]))
        let started = ContinuousClock.now
        let result = try await s.reconcile(["--secrets-exec", "sleep 20", "--secrets-exec-timeout", "0.5"])
        #expect(result.status == 1, "\(result.all)")
        #expect(result.all.contains("ran past --secrets-exec-timeout"))
        #expect(ContinuousClock.now - started < .seconds(15))
        #expect(try await s.endpoints().count == 1)
    }
}
