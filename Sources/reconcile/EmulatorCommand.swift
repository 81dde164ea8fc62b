import ArgumentParser
import Foundation
import StripeAPI
import StripeEmulator

/// `reconcile emulator`: serves the local Stripe emulator for webhook endpoints.
struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulator",
        abstract: "Serve a local Stripe emulator for /v1/webhook_endpoints.",
        discussion: """
            Prints one line, `reconcile emulator listening on http://HOST:PORT`, then logs each \
            request on stderr. Every well-formed key (sk_test_, sk_live_, rk_test_, rk_live_) is \
            its own account; restricted keys containing `_readonly` cannot write. Ctrl-C stops it \
            and saves the state.
            """
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free port.")
    var port = 12111

    @Option(help: ArgumentHelp("JSON file holding the state across runs; created when missing.", valueName: "file"))
    var state: String?

    @Option(help: ArgumentHelp("Latency added to every response, in milliseconds.", valueName: "ms"))
    var latencyMs = 0

    @Option(help: ArgumentHelp("Up to this many more milliseconds of random latency.", valueName: "ms"))
    var jitterMs = 0

    @Option(help: ArgumentHelp("Fault probabilities, e.g. 429=0.1,500=0.05,503=0.05,drop=0.05,lost=0.1.", valueName: "spec"))
    var faults: String?

    @Flag(help: "Inject faults only into writes (POST, DELETE).")
    var faultsWritesOnly = false

    @Option(help: ArgumentHelp("Seed for fault decisions, to reproduce a run.", valueName: "n"))
    var faultSeed: UInt64 = 0

    @Option(help: ArgumentHelp("Seed for ids and secrets; random when omitted.", valueName: "n"))
    var idSeed: UInt64?

    @Option(help: ArgumentHelp("Webhook endpoints allowed per account.", valueName: "n"))
    var maxEndpoints = 16

    @Option(help: ArgumentHelp("Requests per second per account, e.g. test=25,live=100.", valueName: "spec"))
    var rateLimit: String?

    @Flag(help: "Do not rate-limit requests.")
    var noRateLimit = false

    @Option(help: ArgumentHelp("Token the /_emulator/ admin routes require, as Emulator-Admin-Token: TOKEN (env EMULATOR_ADMIN_TOKEN); needed for them off loopback.", valueName: "token"))
    var adminToken: String?

    /// Who may use the admin routes: anyone on loopback, holders of the token when one is
    /// given, nobody when the emulator listens beyond loopback without one.
    var adminAccess: EmulatorConfiguration.AdminAccess {
        let token = adminToken ?? ProcessInfo.processInfo.environment["EMULATOR_ADMIN_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        if let token { return .token(token) }
        return PlainHTTPRule.isLoopback(host) ? .open : .closed
    }

    /// The largest `--max-endpoints`: ten thousand endpoints, a hundred pages of a list.
    static let maxMaxEndpoints = 10_000

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        let latencyBound = EmulatorFaults.maxLatencyMs
        for (flag, value) in [("--latency-ms", latencyMs), ("--jitter-ms", jitterMs)] where !(0...latencyBound).contains(value) {
            throw ValidationError("\(flag) must be between 0 and \(latencyBound) (ten minutes), got \(value).")
        }
        guard (0...Self.maxMaxEndpoints).contains(maxEndpoints) else {
            throw ValidationError("--max-endpoints must be between 0 and \(Self.maxMaxEndpoints), got \(maxEndpoints).")
        }
        if rateLimit != nil && noRateLimit { throw ValidationError("--rate-limit and --no-rate-limit cannot be used together.") }
        if let rateLimit, RateLimit.parse(rateLimit) == nil {
            throw ValidationError("--rate-limit '\(rateLimit)' is not test=N,live=N with positive numbers.")
        }
        _ = try parsedFaults()
    }

    private func parsedFaults() throws -> EmulatorFaults {
        var faults = EmulatorFaults(latencyMs: latencyMs, jitterMs: jitterMs, writesOnly: faultsWritesOnly)
        if let spec = self.faults {
            do {
                faults = try EmulatorFaults.parse(spec, into: faults)
            } catch {
                throw ValidationError("--faults: \(error.message).")
            }
        }
        return faults
    }

    func run() async throws {
        let stateFile = state.map { StateFile(path: $0) }
        let snapshot: EmulatorSnapshot?
        do {
            snapshot = try stateFile?.load()
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw Exit.failed
        }
        var configuration = EmulatorConfiguration(
            maxEndpoints: maxEndpoints,
            rateLimit: noRateLimit ? nil : rateLimit.flatMap(RateLimit.parse) ?? .stripe,
            faults: try parsedFaults(), faultSeed: faultSeed, idSeed: idSeed)
        configuration.admin = adminAccess
        if configuration.admin == .closed {
            FileHandle.standardError.write(Data("warning: listening on \(host), beyond loopback: the /_emulator/ admin routes are off; pass --admin-token TOKEN to use them\n".utf8))
        }
        let server = EmulatorServer(
            emulator: Emulator(configuration: configuration, snapshot: snapshot),
            host: host, port: port, stateFile: stateFile)
        do {
            try await server.run { address in
                // Written unbuffered: scripts read this first line to find the port.
                FileHandle.standardOutput.write(Data("reconcile emulator listening on \(address)\n".utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("error: the emulator on \(host):\(port) stopped: \(error) (--port 0 picks a free port)\n".utf8))
            throw Exit.failed
        }
    }
}
