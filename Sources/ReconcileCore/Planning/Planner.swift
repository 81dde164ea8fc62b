/// Plans one account: a pure function of the declared triggers and the listed endpoints.
public enum Planner {
    /// Compares `observed` with what `config` declares and returns the actions, in the
    /// order they are applied, with every safety rule already checked.
    public static func plan(config: AccountConfig, observed: [ObservedEndpoint], options: PlanOptions = PlanOptions()) -> Plan {
        let owner = config.stripe.owner
        let inventory = Inventory(observed: observed, owner: owner, options: options)
        var adoptable = inventory.unmanaged
        var deletes: [PlannedAction] = []
        var changes: [PlannedAction] = []
        var creates: [PlannedAction] = []
        var replaces: [PlannedAction] = []

        let triggers = config.triggers.filter { options.isTargeted($0.key) }
        for trigger in triggers {
            let desired = DesiredEndpoint(trigger: trigger, owner: owner)
            var candidates = inventory.managed[trigger.key] ?? []
            var adopting = false
            if candidates.isEmpty, let index = adoptable.firstIndex(where: { Self.canAdopt($0, for: trigger) }) {
                candidates = [adoptable.remove(at: index)]
                adopting = true
            }
            guard !candidates.isEmpty else {
                creates.append(PlannedAction(trigger: trigger.key, action: .create(desired)))
                continue
            }
            // Keep the oldest endpoint that can be fixed in place, else the oldest: the
            // oldest's secret is the one receivers most likely hold, and every run picks
            // the same one, so concurrent runs agree on which duplicates to delete.
            let keeper = candidates.first { !EndpointDiff(observed: $0, desired: desired).needsReplace } ?? candidates[0]
            for duplicate in candidates where duplicate.id != keeper.id {
                deletes.append(PlannedAction(trigger: trigger.key, action: .delete(endpointID: duplicate.id, reason: .duplicate(of: keeper.id))))
            }
            let diff = EndpointDiff(observed: keeper, desired: desired)
            let action: Action =
                if diff.needsReplace {
                    .replace(endpointID: keeper.id, with: desired, changes: diff.changes, deleteFirst: false)
                } else if adopting {
                    .adopt(endpointID: keeper.id, changes: diff.changes)
                } else if diff.isEmpty {
                    .unchanged(endpointID: keeper.id)
                } else {
                    .update(endpointID: keeper.id, changes: diff.changes)
                }
            let planned = PlannedAction(trigger: trigger.key, action: action)
            if diff.needsReplace { replaces.append(planned) } else { changes.append(planned) }
        }

        let declared = Set(triggers.map(\.key))
        var orphans = 0
        for (key, endpoints) in inventory.managed.sorted(by: { $0.key < $1.key }) where !declared.contains(key) {
            for endpoint in endpoints {
                deletes.append(PlannedAction(trigger: key.isEmpty ? nil : key, action: .delete(endpointID: endpoint.id, reason: .orphan)))
                orphans += 1
            }
        }

        // Room left once deletes and creates are done decides whether a replace can
        // create its new endpoint before deleting the old one.
        let finalCount = observed.count - deletes.count + creates.count
        if finalCount >= config.stripe.maxEndpoints {
            replaces = replaces.map(Self.deletingFirst)
        }

        let untouched = observed.filter { endpoint in
            inventory.isUntouchable(endpoint) && !changes.contains { $0.endpointID == endpoint.id } && !replaces.contains { $0.endpointID == endpoint.id }
        }
        var refusals: [Refusal] = []
        if finalCount > config.stripe.maxEndpoints {
            refusals.append(.endpointCap(planned: finalCount, untouched: untouched.count, max: config.stripe.maxEndpoints))
        }
        let limit = options.deletionLimit(managedCount: inventory.managedCount)
        if orphans > limit.value && !options.allowDeletes {
            refusals.append(.deletionLimit(deletes: orphans, limit: limit))
        }
        if !replaces.isEmpty && !options.allowReplace {
            refusals.append(.replaceNotAllowed(count: replaces.count))
        }
        return Plan(
            config: config.path, owner: owner,
            actions: deletes + changes + creates + replaces,
            unmanaged: untouched.map(\.id),
            refusals: refusals
        )
    }

    /// An unmanaged endpoint with the trigger's url that receives its event (or `*`).
    static func canAdopt(_ endpoint: ObservedEndpoint, for trigger: DeclaredTrigger) -> Bool {
        endpoint.url == trigger.url
            && (endpoint.enabledEvents.contains(trigger.event) || endpoint.enabledEvents.contains("*"))
    }

    private static func deletingFirst(_ planned: PlannedAction) -> PlannedAction {
        guard case .replace(let id, let desired, let changes, _) = planned.action else { return planned }
        return PlannedAction(trigger: planned.trigger, action: .replace(endpointID: id, with: desired, changes: changes, deleteFirst: true))
    }
}
