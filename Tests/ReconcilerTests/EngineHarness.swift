import EmbeddedEmulator
import ReconcileCore
import StripeAPI
import StripeEmulator
@testable import Reconciler

/// The engine wired to an in-process emulator through the real client, as
/// `reconcile --emulator` is, with fast retries and no client-side rate limit.
struct EngineHarness {
    let emulator: Emulator
    let key = "sk_test_engine"

    /// - Parameter idSeed: when given, two harnesses fed the same requests make the same ids.
    init(maxEndpoints: Int = 16, faults: EmulatorFaults = .none, seed: UInt64 = 1, idSeed: UInt64? = nil) {
        emulator = Emulator(configuration: EmulatorConfiguration(maxEndpoints: maxEndpoints, rateLimit: nil, faults: faults, faultSeed: seed, idSeed: idSeed))
    }

    /// - Parameter stop: when given, the transport sends no write once it is thrown, as
    ///   `reconcile` wires it for Ctrl-C.
    func engine(_ options: PlanOptions = PlanOptions(), environment: [String: String]? = nil, secrets: SecretsFile? = nil, stop: StopSwitch? = nil) -> Reconciliation {
        let transport: any HTTPTransport = EmulatorTransport(emulator: emulator)
        let stoppable = stop.map { StoppingTransport(transport, stop: $0) } ?? transport
        return Reconciliation(options: options, environment: environment ?? ["STRIPE_API_KEY": key], secrets: secrets) { config, key in
            StripeEndpointAPI(client: StripeClient(
                apiKey: key.value, transport: stoppable, keySource: config.stripe.apiKeyEnv,
                retry: RetryPolicy(maxRetries: 8, baseDelay: .milliseconds(1), maxDelay: .milliseconds(4)),
                requestsPerSecond: 0
            ))
        }
    }

    /// Plans and applies, as one `reconcile` run does.
    func run(_ configs: [AccountConfig], _ options: PlanOptions = PlanOptions(), environment: [String: String]? = nil, secrets: SecretsFile? = nil) async -> [AccountReport] {
        let engine = engine(options, environment: environment, secrets: secrets)
        return await engine.apply(await engine.plan(configs)).map(\.report)
    }

    var endpoints: [StripeEmulator.WebhookEndpoint] { emulator.endpoints(forKey: key) ?? [] }

    /// Writes in the request log since the last `clear`.
    var writes: Int { emulator.requestLog().filter(\.isWrite).count }
}

func account(_ triggers: [(String, String)], owner: String = "engine", maxEndpoints: Int = 16, keyEnv: String = "STRIPE_API_KEY", path: String = "engine.yaml") -> AccountConfig {
    AccountConfig(
        path: path,
        stripe: StripeSettings(apiKeyEnv: keyEnv, owner: owner, maxEndpoints: maxEndpoints),
        workflows: triggers.map { workflow, event in
            Workflow(name: workflow, triggers: [DeclaredTrigger(workflow: workflow, event: event, url: "https://hooks.example.com/\(workflow)/\(event)")])
        }
    )
}
