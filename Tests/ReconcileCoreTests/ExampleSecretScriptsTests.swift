import Foundation
import Testing

/// The `--secrets-exec` examples under `examples/secrets/`, run as reconcile runs them
/// (a record on stdin) against stand-ins for kubectl, vault and gh that keep what they
/// were given: the secret reaches the tool's stdin, never an argument. Needs jq.
@Suite struct ExampleSecretScriptsTests {
    static let secret = "whsec_" + "exampleexampleexample"
    static let record = #"{"created":1764600000,"endpoint_id":"we_123","owner":"shop-prod","secret":"\#(secret)","trigger":"sync-customers/customer.updated","url":"https://hooks.example.com/a"}"#

    static func run(_ script: String) throws -> (arguments: String, input: String, status: Int32) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("secrets-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for tool in ["kubectl", "vault", "gh"] {
            let stub = folder.appendingPathComponent(tool)
            try "#!/bin/sh\necho \"$@\" > \"\(folder.path)/arguments\"\ncat > \"\(folder.path)/input\"\n".write(to: stub, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: stub.path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [repositoryRoot.appendingPathComponent("examples/secrets/\(script)").path]
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = folder.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["RECEIVER_REPO"] = "acme/hooks"
        process.environment = environment
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data(record.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let read = { (name: String) in (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? "" }
        return (read("arguments"), read("input"), process.terminationStatus)
    }

    @Test func kubernetesAppliesASecretNamedAfterTheTrigger() throws {
        let (arguments, input, status) = try Self.run("kubernetes.sh")
        #expect(status == 0)
        #expect(arguments == "apply --namespace default -f -\n")
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(input.utf8)) as? [String: Any])
        #expect((manifest["metadata"] as? [String: Any])?["name"] as? String == "stripe-webhook-shop-prod-sync-customers-customer-updated")
        #expect((manifest["stringData"] as? [String: String])?["signing-secret"] == Self.secret)
    }

    @Test func vaultPutsTheSecretUnderTheTriggersPath() throws {
        let (arguments, input, status) = try Self.run("vault.sh")
        #expect(status == 0)
        #expect(arguments == "kv put -mount=secret stripe-webhooks/shop-prod/sync-customers/customer.updated -\n")
        #expect(input.contains(Self.secret) && input.contains("we_123"))
    }

    @Test func githubSetsARepositorySecret() throws {
        let (arguments, input, status) = try Self.run("github.sh")
        #expect(status == 0)
        #expect(arguments == "secret set STRIPE_WHSEC_SYNC_CUSTOMERS_CUSTOMER_UPDATED --repo acme/hooks\n")
        #expect(input == Self.secret + "\n")
    }
}
