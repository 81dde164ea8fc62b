import ArgumentParser
import Foundation
import ReconcileCore
import Reconciler
import StripeAPI
import StripeEmulator
import EmbeddedEmulator

/// Where Stripe is: `--api-base` (or `STRIPE_API_BASE`), or the embedded emulator.
struct StripeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Stripe API base (env STRIPE_API_BASE; default https://api.stripe.com).", valueName: "URL"))
    var apiBase: String?

    @Flag(help: "Run against an embedded emulator instead of Stripe; no account or real key needed.")
    var emulator = false

    @Option(help: ArgumentHelp("State of the embedded emulator.", valueName: "FILE"))
    var emulatorState = ".reconcile/emulator.json"

    func validate() throws {
        if emulator, apiBase != nil { throw ValidationError("--emulator and --api-base name two different Stripes: pass one.") }
        if let apiBase {
            do { _ = try APIBase.parse(apiBase) } catch { throw ValidationError("--api-base: \(error)") }
        }
    }

    /// The environment keys are read from. Against the embedded emulator an unset key
    /// becomes a made-up one of the config's mode, so no real key is ever needed.
    func environment(for configs: [AccountConfig]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        guard emulator else { return environment }
        for config in configs where (environment[config.stripe.apiKeyEnv] ?? "").isEmpty {
            let mode = config.stripe.mode ?? .test
            environment[config.stripe.apiKeyEnv] = "sk_\(mode.rawValue)_emulator_\(config.stripe.apiKeyEnv)"
        }
        return environment
    }

    /// The base URL from `--api-base`, else `STRIPE_API_BASE`, else Stripe's; a value that
    /// is not a usable base exits 64 (usage).
    func resolvedAPIBase() throws -> URL {
        let base = apiBase ?? ProcessInfo.processInfo.environment["STRIPE_API_BASE"].flatMap { $0.isEmpty ? nil : $0 }
        do { return try base.map(APIBase.parse) ?? APIBase.stripe } catch {
            Terminal.error("\(apiBase == nil ? "STRIPE_API_BASE" : "--api-base"): \(error)")
            throw Exit.usage
        }
    }

    /// Opens the Stripe the run talks to, with at most `concurrency` requests in flight
    /// across all accounts, `rateLimit` requests per second per account (nil: just
    /// under Stripe's limit for the key's mode; 0: none) in bursts of at most `burst`
    /// (nil: one second's worth), `retry` for every request, and `onRequest` told of
    /// every attempt (logs, metrics).
    func connection(
        concurrency: Int, rateLimit: Double?, burst: Int? = nil, retry: RetryPolicy = .default, stop: StopSwitch = StopSwitch(),
        onRequest: (@Sendable (AccountConfig, StripeRequestEvent) -> Void)? = nil
    ) throws -> StripeConnection {
        func access(_ apiBase: URL, _ transport: any HTTPTransport) -> StripeAccess {
            StripeAccess(apiBase: apiBase, transport: transport, concurrency: concurrency, rateLimit: rateLimit, burst: burst,
                         retry: retry, stop: stop, onRequest: onRequest)
        }
        if emulator {
            let file = StateFile(path: emulatorState)
            do {
                let embedded = Emulator(snapshot: try file.load())
                return StripeConnection(access: access(APIBase.stripe, EmulatorTransport(emulator: embedded)), embedded: (embedded, file))
            } catch {
                Terminal.error("\(error)")
                throw Exit.failed
            }
        }
        let url = try resolvedAPIBase()
        // Every account talks to the same host: one connection per slot of the gate, so no
        // request that passed the gate waits for a connection. The commands exit right
        // after their work and the connections close with the process: waiting for each
        // to close in turn would add about 5 ms to every run for nothing.
        let network = HTTPClientTransport(maxConnectionsPerHost: concurrency, readTimeout: retry.requestTimeout)
        return StripeConnection(access: access(url, network), embedded: nil)
    }
}

/// The Stripe a run talks to, shared by every account of the run, and the embedded
/// emulator's state file when it is the emulator.
struct StripeConnection: Sendable {
    let access: StripeAccess
    let embedded: (emulator: Emulator, file: StateFile)?

    var apiBase: URL { access.apiBase }

    func api(config: AccountConfig, key: APIKey) -> any EndpointAPI {
        access.api(config: config, key: key)
    }

    /// Saves the embedded emulator's state, so the next run sees what this one did.
    func save() throws {
        guard let (emulator, file) = embedded else { return }
        do { try file.save(emulator.snapshot()) } catch {
            Terminal.error("\(error)")
            throw Exit.failed
        }
    }
}

extension StripeConnection {
    /// Refuses (exit 64) to send a live key over plain http to a host that is not loopback,
    /// and warns for a test key, before any request: see ``PlainHTTPRule``.
    func checkKeysInTransit(_ keys: [(source: String, key: APIKey)]) throws {
        guard embedded == nil else { return }
        var refused = false
        var warned: Set<String> = []
        for (source, key) in keys {
            switch PlainHTTPRule.verdict(base: apiBase, live: key.mode == .live, keySource: source) {
            case .allow: continue
            case .warn(let message): if warned.insert(source).inserted { Terminal.line("warning: " + message) }
            case .refuse(let message):
                Terminal.error(message)
                refused = true
            }
        }
        if refused { throw Exit.usage }
    }

    /// The keys `configs` name that the environment holds; missing or malformed ones are
    /// reported later, per account.
    static func keys(of configs: [AccountConfig], in environment: [String: String]) -> [(source: String, key: APIKey)] {
        var seen: Set<String> = []
        return configs.compactMap { config in
            let name = config.stripe.apiKeyEnv
            guard seen.insert(name).inserted, case .success(let key) = APIKey.from(environment, name: name) else { return nil }
            return (name, key)
        }
    }
}
