import ArgumentParser
import Foundation
import ReconcileCore
import Reconciler
import StripeAPI
import StripeEmulator

/// `reconcile trigger EVENT`: the emulator emits one event, signed as Stripe signs it, to
/// every endpoint of the config's account that listens to it.
struct TriggerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trigger",
        abstract: "Deliver a signed test event from the emulator to the endpoints that listen to it.",
        discussion: """
            EVENT is a type or its display name (`customer.updated`, "Customer Updated"). The \
            event goes to every enabled endpoint of the config's account subscribed to it (or \
            to `*`), from the embedded emulator's state (--emulator) or from a running \
            `reconcile emulator` (--api-base). Prints one line per delivery; exits 0 when \
            every delivery got a 2xx, 1 otherwise or when no endpoint listens. Real Stripe \
            sends events only for real activity: there, use `stripe trigger`.
            """)

    @Argument(help: ArgumentHelp("The event type, or its display name.", valueName: "EVENT"))
    var event: [String]

    @OptionGroup var config: ConfigOptions
    @OptionGroup var stripe: StripeOptions

    @Option(help: ArgumentHelp("Fields merged over the sample object: JSON, or @FILE to read it from FILE.", valueName: "JSON"))
    var data: String?

    @Option(help: ArgumentHelp("Attempts per endpoint, the first included; 0.25 s before the second, doubling up to 2 s.", valueName: "N"))
    var attempts = DeliveryPolicy.local.maxAttempts

    @Option(help: ArgumentHelp("Seconds one attempt may take, connecting included.", valueName: "SECONDS"))
    var timeout = RetryOptions.seconds(DeliveryPolicy.local.timeout)

    func validate() throws {
        if !(1...100).contains(attempts) { throw ValidationError("--attempts must be between 1 and 100, got \(attempts).") }
        if !(timeout > 0 && timeout <= 600) { throw ValidationError("--timeout must be a number of seconds above 0 and at most 600, got \(timeout).") }
    }

    var policy: DeliveryPolicy {
        DeliveryPolicy(maxAttempts: attempts, timeout: .milliseconds(Int64(timeout * 1000)))
    }

    func run() async throws {
        let type = try resolvedEvent()
        let base = try emulatorBase()
        let fields = try TriggerData.read(data)
        let configs = try config.load()
        let environment = stripe.environment(for: configs)
        // One event per account: several files may share a key.
        var accounts: [(key: APIKey, configs: [String])] = []
        for config in configs {
            let key: APIKey
            switch APIKey.from(environment, name: config.stripe.apiKeyEnv) {
            case .success(let found): key = found
            case .failure(let error):
                Terminal.error("\(config.path): \(error.message)")
                throw Exit.failed
            }
            if let index = accounts.firstIndex(where: { $0.key.value == key.value }) {
                accounts[index].configs.append(config.path)
            } else {
                accounts.append((key, [config.path]))
            }
        }
        let emitter: any EventEmitter = try base.map { RemoteEmitter(base: $0) } ?? EmbeddedEmitter(statePath: stripe.emulatorState)
        var succeeded = true
        for (key, paths) in accounts {
            let emitted = try await emitter.emit(type, key: key.value, data: fields, policy: policy)
            for delivery in emitted.deliveries { print(DeliveryLine.render(delivery)) }
            if emitted.deliveries.isEmpty {
                Terminal.error("no enabled endpoint of \(paths.joined(separator: ", ")) listens to \(type) in \(emitter.name): declare a trigger for it and run `reconcile\(base == nil ? " --emulator" : " --api-base URL")` first")
            } else if !emitted.succeeded {
                let failed = emitted.deliveries.filter { !$0.succeeded }.count
                Terminal.error("\(type) (\(emitted.id)): \(failed) of \(emitted.deliveries.count) deliveries got no 2xx")
            }
            succeeded = succeeded && emitted.succeeded
        }
        if !succeeded { throw Exit.failed }
    }

    /// EVENT as a known type; `*`, an ambiguous display name or an unknown name exit 64.
    func resolvedEvent() throws -> String {
        let name = event.joined(separator: " ")
        let hint: String
        if name == "*" {
            hint = "an event has exactly one type; `\(OptionSpelling.commandLine(.searchEvents))` lists them"
        } else {
            switch EventCatalog.bundled.resolve(name) {
            case .type(let type): return type
            case .several(let types): hint = "write one of \(types.map { "`\($0)`" }.joined(separator: ", "))"
            case .unknown(let suggestions): hint = EventCatalog.didYouMean(suggestions, spelling: .commandLine)
            }
        }
        Terminal.error("unknown event type `\(name)`: \(hint)")
        throw Exit.usage
    }

    /// The running emulator's base for --api-base (or STRIPE_API_BASE), nil for --emulator.
    /// Real Stripe is refused: it sends events only for real activity.
    func emulatorBase() throws -> URL? {
        if stripe.emulator { return nil }
        let url = try stripe.resolvedAPIBase()
        let host = url.host?.lowercased() ?? ""
        if host == "stripe.com" || host.hasSuffix(".stripe.com") {
            Terminal.error("""
                reconcile trigger sends events from the emulator only: Stripe sends an event only for real \
                activity on the account and has no API to send one. Against Stripe, `stripe trigger \(event.joined(separator: " "))` \
                (the Stripe CLI) makes the real objects that cause it. Here, pass --emulator, or --api-base with the \
                address of a running `reconcile emulator`.
                """)
            throw Exit.usage
        }
        return url
    }
}
