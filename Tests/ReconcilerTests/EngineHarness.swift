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
        // Wired as `reconcile --emulator` wires it, with fast retries and no rate limit.
        let access = StripeAccess(
            apiBase: APIBase.stripe, transport: EmulatorTransport(emulator: emulator), concurrency: 64, rateLimit: 0,
            retry: RetryPolicy(maxRetries: 8, baseDelay: .milliseconds(1), maxDelay: .milliseconds(4)), stop: stop ?? StopSwitch())
        return Reconciliation(options: options, environment: environment ?? ["STRIPE_API_KEY": key], secrets: secrets, connect: access.api(config:key:))
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
