import Foundation
import ReconcileCore
import StripeAPI

/// The Stripe a run talks to, wired once for all its accounts: the transport (the network,
/// or an emulator) behind a stop switch and a gate of `concurrency` requests in flight, one
/// rate limiter per account, the retry policy, and an observer of every attempt. The
/// commands build one per run; the engine's tests build theirs the same way.
public struct StripeAccess: Sendable {
    /// The base URL requests go to.
    public let apiBase: URL
    let transport: any HTTPTransport
    let limiters: RateLimiters
    let retry: RetryPolicy
    let onRequest: (@Sendable (AccountConfig, StripeRequestEvent) -> Void)?

    /// - Parameters:
    ///   - transport: how bytes reach Stripe; stacked here under `stop` (no new write once
    ///     thrown) and a gate of `concurrency` requests in flight across all accounts.
    ///   - rateLimit: requests per second per account; nil for just under Stripe's limit
    ///     for the key's mode, 0 for none.
    ///   - burst: the limiter's bucket; nil for one second's worth of the rate.
    ///   - onRequest: told of every attempt, with the account it was for (logs, metrics).
    public init(
        apiBase: URL, transport: any HTTPTransport, concurrency: Int, rateLimit: Double?, burst: Int? = nil,
        retry: RetryPolicy = .default, stop: StopSwitch = StopSwitch(),
        onRequest: (@Sendable (AccountConfig, StripeRequestEvent) -> Void)? = nil
    ) {
        self.apiBase = apiBase
        self.transport = GatedTransport(StoppingTransport(transport, stop: stop), gate: RequestGate(limit: concurrency))
        self.limiters = RateLimiters(rate: rateLimit, burst: burst)
        self.retry = retry
        self.onRequest = onRequest
    }

    /// The endpoints API of one account, for ``Reconciliation``'s `connect`.
    public func api(config: AccountConfig, key: APIKey) -> any EndpointAPI {
        let observer = onRequest.map { observe in { @Sendable (event: StripeRequestEvent) in observe(config, event) } }
        return StripeEndpointAPI(client: StripeClient(
            apiKey: key.value, apiBase: apiBase, transport: transport, keySource: config.stripe.apiKeyEnv,
            retry: retry, rateLimiter: limiters.limiter(for: key), onRequest: observer))
    }
}
