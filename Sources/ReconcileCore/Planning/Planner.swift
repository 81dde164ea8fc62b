/// Plans one account: a pure function of the declared triggers and the listed endpoints.
public enum Planner {
    /// Compares `observed` with what `config` declares and returns the actions, in the
    /// order they are applied, with every safety rule already checked.
    ///
    /// The stages follow the contract: sort what is listed by ownership; match each
    /// declared trigger to its endpoint (keep, fix, adopt or create, deleting duplicates);
    /// delete managed endpoints whose trigger is gone; order replaces by the room the cap
    /// leaves; then check the safety rules.
    public static func plan(config: AccountConfig, observed: [ObservedEndpoint], options: PlanOptions = PlanOptions()) -> Plan {
        let owner = config.stripe.owner
        let inventory = Inventory(observed: observed, owner: owner, options: options)
        let triggers = config.triggers.filter { options.isTargeted($0.key) }

        var draft = match(triggers, in: inventory, owner: owner)
        let orphans = deleteOrphans(of: inventory, declared: Set(triggers.map(\.key)), into: &draft)
        // Room left once deletes and creates are done decides whether a replace can
        // create its new endpoint before deleting the old one.
        let finalCount = observed.count - draft.deletes.count + draft.creates.count
        if finalCount >= config.stripe.maxEndpoints {
            draft.replaces = draft.replaces.map(Self.deletingFirst)
        }
        let untouched = observed.filter { endpoint in
            inventory.isUntouchable(endpoint) && !draft.changes.contains { $0.endpointID == endpoint.id } && !draft.replaces.contains { $0.endpointID == endpoint.id }
        }
        let refusals = safetyRefusals(
            finalCount: finalCount, untouched: untouched.count, orphans: orphans, replaces: draft.replaces.count,
            maxEndpoints: config.stripe.maxEndpoints, limit: options.deletionLimit(managedCount: inventory.managedCount), options: options)
        return Plan(configPath: config.path, owner: owner, actions: draft.ordered, unmanaged: untouched.map(\.id), refusals: refusals)
    }

    /// The actions of a plan by stage, applied in this order: deletes make room, changes
    /// add no endpoint, creates, then replaces one at a time.
    private struct Draft {
        var deletes: [PlannedAction] = []
        var changes: [PlannedAction] = []
        var creates: [PlannedAction] = []
        var replaces: [PlannedAction] = []
        var ordered: [PlannedAction] { deletes + changes + creates + replaces }
    }

    /// Each trigger's action: its managed endpoint kept or fixed (duplicates deleted), an
    /// unmanaged one adopted, or a create.
    private static func match(_ triggers: [DeclaredTrigger], in inventory: Inventory, owner: String) -> Draft {
        var draft = Draft()
        var adoptable = inventory.unmanaged
        for trigger in triggers {
            let desired = DesiredEndpoint(trigger: trigger, owner: owner)
            var candidates = inventory.managed[trigger.key] ?? []
            var adopting = false
            if candidates.isEmpty, let index = adoptable.firstIndex(where: { Self.canAdopt($0, for: trigger) }) {
                candidates = [adoptable.remove(at: index)]
                adopting = true
            }
            guard !candidates.isEmpty else {
                draft.creates.append(PlannedAction(trigger: trigger.key, action: .create(desired)))
                continue
            }
            // Keep the oldest endpoint that can be fixed in place, else the oldest: the
            // oldest's secret is the one receivers most likely hold, and every run picks
            // the same one, so concurrent runs agree on which duplicates to delete.
            let keeper = candidates.first { !EndpointDiff(observed: $0, desired: desired).needsReplace } ?? candidates[0]
            for duplicate in candidates where duplicate.id != keeper.id {
                draft.deletes.append(PlannedAction(trigger: trigger.key, action: .delete(endpointID: duplicate.id, reason: .duplicate(of: keeper.id))))
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
            if diff.needsReplace { draft.replaces.append(planned) } else { draft.changes.append(planned) }
        }
        return draft
    }

    /// Deletes every managed endpoint whose trigger is no longer declared; returns how
    /// many, the number the deletion limit counts (duplicates are repairs, not counted).
    private static func deleteOrphans(of inventory: Inventory, declared: Set<String>, into draft: inout Draft) -> Int {
        var orphans = 0
        for (key, endpoints) in inventory.managed.sorted(by: { $0.key < $1.key }) where !declared.contains(key) {
            for endpoint in endpoints {
                draft.deletes.append(PlannedAction(trigger: key.isEmpty ? nil : key, action: .delete(endpointID: endpoint.id, reason: .orphan)))
                orphans += 1
            }
        }
        return orphans
    }

    /// The safety rules, each a refusal of the whole plan when broken.
    private static func safetyRefusals(
        finalCount: Int, untouched: Int, orphans: Int, replaces: Int, maxEndpoints: Int, limit: DeletionLimit, options: PlanOptions
    ) -> [Refusal] {
        var refusals: [Refusal] = []
        if finalCount > maxEndpoints {
            refusals.append(.endpointCap(planned: finalCount, untouched: untouched, max: maxEndpoints))
        }
        if orphans > limit.value && !options.allowDeletes {
            refusals.append(.deletionLimit(deletes: orphans, limit: limit))
        }
        if replaces > 0 && !options.allowReplace {
            refusals.append(.replaceNotAllowed(count: replaces))
        }
        return refusals
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
