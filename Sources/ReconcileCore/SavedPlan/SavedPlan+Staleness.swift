extension SavedPlan {
    /// Whether `account`'s config file changed, given the SHA-256 of its bytes now (`nil`
    /// when it cannot be read); `nil` when it is as planned. Needs no request, so it is
    /// checked before the account is listed.
    public func configStaleness(of account: SavedAccount, now: String?) -> StaleReason? {
        guard let now else { return .configMissing(path: account.config) }
        guard let planned = configs.first(where: { $0.path == account.config })?.sha256 else {
            return .configMissing(path: account.config)
        }
        return planned == now ? nil : .configChanged(path: account.config, planned: planned, now: now)
    }
}

extension SavedAccount {
    /// Whether the account changed since planning, given the fingerprint of the key found
    /// now and the digests of the endpoints listed now; `nil` when the plan is current.
    public func staleness(account: String, endpoints: [String: String]) -> StaleReason? {
        if account != self.account { return .otherKey(keyEnv: apiKeyEnv) }
        let changes = EndpointChanges(planned: self.endpoints, now: endpoints)
        return changes.isEmpty ? nil : .endpointsChanged(changes)
    }
}
