import ReconcileCore

/// Applies one account's plan in three stages, each finished before the next starts:
///
/// 1. deletes, updates and adoptions: deletes make room, and none of them adds an endpoint;
/// 2. creates, into the room made;
/// 3. replaces, one at a time, each creating then deleting (or deleting first when the
///    planner said so): the planner's room count allows one extra endpoint at a time.
///
/// Within the first two stages actions are independent (each touches its own trigger's
/// endpoints), so up to `parallelWrites` run at once; the client's rate limiter paces them.
public struct PlanApplier: Sendable {
    public var api: any EndpointAPI
    /// A non-secret fingerprint of the account, part of every idempotency key.
    public var account: String
    /// Endpoints listed when planning: the state idempotency keys derive from.
    public var observed: [ObservedEndpoint]
    public var owner: String
    /// Actions of one stage in flight at once: 16, a whole account of the 16-trigger cap,
    /// so a fresh account's creates leave in one burst of its rate limiter's bucket (22
    /// tokens at a test key's default) and take one round trip; the bucket, not this
    /// width, keeps the account under Stripe's limit.
    public var parallelWrites: Int
    /// Mixed into the keys of updates (not creates): an update sent twice does no harm,
    /// while a later run that met the same drift again and sent the same key would get
    /// a replay of the old answer and change nothing. Retries within the run keep it.
    var runNonce = String(UInt64.random(in: .min ... .max), radix: 36)

    public init(api: any EndpointAPI, account: String, observed: [ObservedEndpoint], owner: String, parallelWrites: Int = 16) {
        self.api = api
        self.account = account
        self.observed = observed
        self.owner = owner
        self.parallelWrites = max(1, parallelWrites)
    }

    /// Applies every change of `plan`, calling `progress` after each (never two calls at
    /// once). After the first failure no further action starts; those already started
    /// finish, and the failure is thrown with how many actions completed in all.
    public func apply(_ plan: Plan, progress: @Sendable (AppliedAction) async -> Void) async throws(ApplyFailure) {
        let changes = plan.actions.filter(\.isChange)
        let stages: [(actions: [PlannedAction], width: Int)] = [
            (changes.filter { Stage($0.action) == .inPlace }, parallelWrites),
            (changes.filter { Stage($0.action) == .create }, parallelWrites),
            (changes.filter { Stage($0.action) == .replace }, 1),
        ]
        var completed = 0
        for stage in stages {
            try await run(stage.actions, width: stage.width, completed: &completed, progress: progress)
        }
    }

    /// The stages of an apply, in order.
    enum Stage {
        case inPlace, create, replace

        init(_ action: Action) {
            switch action {
            case .delete, .update, .adopt, .unchanged: self = .inPlace
            case .create: self = .create
            case .replace: self = .replace
            }
        }
    }

    /// Runs `actions` with up to `width` in flight, adding each success to `completed`.
    private func run(
        _ actions: [PlannedAction], width: Int, completed: inout Int, progress: @Sendable (AppliedAction) async -> Void
    ) async throws(ApplyFailure) {
        var failure: ApplyFailure?
        await withTaskGroup(of: (PlannedAction, Result<CreatedEndpoint?, any Error>).self) { group in
            var pending = actions[...]
            func startNext() {
                guard failure == nil, let planned = pending.popFirst() else { return }
                guard !Task.isCancelled else {
                    failure = ApplyFailure(action: planned, completed: 0, underlying: CancellationError())
                    return
                }
                group.addTask {
                    do { return (planned, .success(try await apply(planned))) } catch { return (planned, .failure(error)) }
                }
            }
            for _ in 0..<width { startNext() }
            while let (planned, result) = await group.next() {
                switch result {
                case .success(let created):
                    completed += 1
                    await progress(AppliedAction(planned: planned, created: created))
                case .failure(let error):
                    if failure == nil { failure = ApplyFailure(action: planned, completed: 0, underlying: error) }
                }
                startNext()
            }
        }
        if var failure {
            failure.completed = completed
            throw failure
        }
    }

    /// How many stale replays a create tolerates before trusting the answer.
    static let maxStaleReplays = 3

    /// Sends the writes of one action; returns the endpoint it created, if any.
    func apply(_ planned: PlannedAction) async throws -> CreatedEndpoint? {
        let trigger = planned.trigger ?? ""
        switch planned.action {
        case .unchanged:
            return nil
        case .delete(let id, _):
            try await api.delete(endpointID: id)
            return nil
        case .update(let id, let changes), .adopt(let id, let changes):
            let update = EndpointUpdate(changes: changes)
            let key = idempotencyKey(trigger: trigger, step: "update-\(id)", payload: update.canonicalForm + "@" + runNonce)
            try await api.update(endpointID: id, update, idempotencyKey: key)
            return nil
        case .create(let desired):
            return try await create(desired, trigger: trigger)
        case .replace(let oldID, let desired, _, let deleteFirst):
            // Create first so the trigger is never without an endpoint, unless the cap
            // leaves no room for both.
            if deleteFirst { try await api.delete(endpointID: oldID) }
            let created = try await create(desired, trigger: trigger, replacing: oldID)
            if !deleteFirst { try await api.delete(endpointID: oldID) }
            return created
        }
    }

    /// Creates an endpoint, then disables it when declared so (Stripe creates enabled).
    func create(_ desired: DesiredEndpoint, trigger: String, replacing oldID: String? = nil) async throws -> CreatedEndpoint {
        let step = oldID.map { "replace-\($0)" } ?? "create"
        var attempt = 0
        var created: CreatedEndpoint
        while true {
            // Past the bound (a trigger deleted and restored again and again within Stripe's
            // 24 hours), a key of this run's own: racing runs may then both create, and the
            // next run deletes the extra; accepting the stale answer would create nothing.
            let payload = attempt > Self.maxStaleReplays ? desired.canonicalForm + "@" + runNonce : desired.canonicalForm
            let key = idempotencyKey(trigger: trigger, step: step, payload: payload, url: desired.url, attempt: attempt)
            created = try await api.create(desired, idempotencyKey: key)
            // A replay answers with the endpoint an earlier request made with this key:
            // our own lost attempt or a concurrent run (it exists), or a run from before a
            // deletion that restored the same state (it is gone): then create anew.
            guard created.replayed, attempt <= Self.maxStaleReplays,
                  !observed.contains(where: { $0.id == created.id }),
                  try await !api.exists(endpointID: created.id)
            else { break }
            attempt += 1
        }
        if !desired.enabled {
            let key = idempotencyKey(trigger: trigger, step: "disable-\(created.id)", payload: runNonce)
            try await api.update(endpointID: created.id, EndpointUpdate(disabled: true), idempotencyKey: key)
        }
        return created
    }

    /// Keys derive from the trigger's own endpoints only, so runs racing on other
    /// triggers of the account still agree on this one's key.
    func idempotencyKey(trigger: String, step: String, payload: String, url: String? = nil, attempt: Int = 0) -> String {
        let relevant = observed.filter { $0.metadata[OwnershipMarks.trigger] == trigger || $0.url == url }
        return IdempotencyKey.make(account: account, trigger: "\(owner)/\(trigger)", step: step, observed: relevant, payload: payload, attempt: attempt)
    }
}

/// One action done, and the endpoint it created if any.
public struct AppliedAction: Sendable {
    public var planned: PlannedAction
    public var created: CreatedEndpoint?
}

/// The first failure of an apply: which action, and how many were done before it.
public struct ApplyFailure: Error {
    public var action: PlannedAction
    public var completed: Int
    public var underlying: any Error
}
