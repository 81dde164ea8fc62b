/// The five webhook endpoint operations on one account, as Stripe performs them.
extension AccountState {
    /// What the operations need besides the account: limits, the catalog, time and ids.
    struct Context {
        var catalog: StripeCatalog
        var maxEndpoints: Int
        var now: Int
        var random: SeededRandom
    }

    mutating func create(_ parameters: FormDecoder.Parameters, _ context: inout Context) throws(StripeError) -> JSONValue {
        try EndpointChanges.checkKnown(parameters, allowed: EndpointChanges.createParameters)
        let changes = try EndpointChanges(parameters, catalog: context.catalog, livemode: livemode, creating: true)
        var metadata: [String: String] = [:]
        if let value = changes.metadata { try EndpointChanges.apply(metadata: value, to: &metadata) }
        guard endpoints.count < context.maxEndpoints else {
            // Stripe's wording, e.g. "You have reached the maximum of 16 test webhook endpoints."
            throw .invalid(nil, "You have reached the maximum of \(context.maxEndpoints) \(livemode ? "" : "test ")webhook endpoints.")
        }
        var id = context.random.identifier("we_", count: 24)
        while endpoints[id] != nil { id = context.random.identifier("we_", count: 24) }
        let endpoint = WebhookEndpoint(
            id: id, apiVersion: changes.apiVersion,
            application: changes.connect == true ? connectApplication : nil,
            created: context.now, description: changes.description ?? nil,
            enabledEvents: changes.enabledEvents ?? [], livemode: livemode, metadata: metadata,
            secret: context.random.identifier("whsec_", count: 32), status: "enabled",
            url: changes.url ?? "", sequence: nextSequence
        )
        nextSequence += 1
        endpoints[id] = endpoint
        // The signing secret is shown once, in the create response, never again.
        return endpoint.json(includingSecret: true)
    }

    func retrieve(_ id: String, _ parameters: FormDecoder.Parameters) throws(StripeError) -> JSONValue {
        try EndpointChanges.checkKnown(parameters, allowed: ["expand"])
        guard let endpoint = endpoints[id] else { throw .noSuchEndpoint(id) }
        return endpoint.json(includingSecret: false)
    }

    mutating func update(_ id: String, _ parameters: FormDecoder.Parameters, _ context: Context) throws(StripeError) -> JSONValue {
        try EndpointChanges.checkKnown(parameters, allowed: EndpointChanges.updateParameters)
        guard var endpoint = endpoints[id] else { throw .noSuchEndpoint(id) }
        let changes = try EndpointChanges(parameters, catalog: context.catalog, livemode: livemode, creating: false)
        if let value = changes.metadata { try EndpointChanges.apply(metadata: value, to: &endpoint.metadata) }
        if let url = changes.url { endpoint.url = url }
        if let events = changes.enabledEvents { endpoint.enabledEvents = events }
        if let description = changes.description { endpoint.description = description }
        if let disabled = changes.disabled { endpoint.status = disabled ? "disabled" : "enabled" }
        endpoints[id] = endpoint
        return endpoint.json(includingSecret: false)
    }

    mutating func delete(_ id: String, _ parameters: FormDecoder.Parameters) throws(StripeError) -> JSONValue {
        try EndpointChanges.checkKnown(parameters, allowed: [])
        guard endpoints.removeValue(forKey: id) != nil else { throw .noSuchEndpoint(id) }
        return .object([("id", .string(id)), ("object", .string("webhook_endpoint")), ("deleted", .bool(true))])
    }

    func list(_ parameters: FormDecoder.Parameters) throws(StripeError) -> JSONValue {
        try EndpointChanges.checkKnown(parameters, allowed: ["limit", "starting_after", "ending_before", "expand"])
        var limit = 10
        if let value = parameters["limit"] {
            guard case .scalar(let text) = value, let number = Int(text) else {
                throw .invalid("limit", "Invalid integer: \(value.canonical.dropFirst())", code: "parameter_invalid_integer")
            }
            guard (1...100).contains(number) else {
                throw .invalid("limit", "Invalid limit: must be an integer between 1 and 100, got \(number)", code: "parameter_invalid_integer")
            }
            limit = number
        }
        let after = try Self.cursor(parameters, "starting_after")
        let before = try Self.cursor(parameters, "ending_before")
        if after != nil && before != nil {
            throw .invalid(nil, "You may only specify one of these parameters: ending_before, starting_after.")
        }
        let all = sortedEndpoints
        let page: ArraySlice<WebhookEndpoint>
        let hasMore: Bool
        if let before {
            guard let index = all.firstIndex(where: { $0.id == before }) else { throw .noSuchEndpoint(before, param: "ending_before") }
            // ending_before pages towards newer objects: the `limit` just before the cursor.
            let start = max(0, index - limit)
            page = all[start..<index]
            hasMore = start > 0
        } else {
            var start = 0
            if let after {
                guard let index = all.firstIndex(where: { $0.id == after }) else { throw .noSuchEndpoint(after, param: "starting_after") }
                start = index + 1
            }
            let end = min(all.count, start + limit)
            page = all[start..<end]
            hasMore = end < all.count
        }
        return .object([
            ("object", .string("list")),
            ("data", .array(page.map { $0.json(includingSecret: false) })),
            ("has_more", .bool(hasMore)),
            ("url", .string("/v1/webhook_endpoints")),
        ])
    }

    private static func cursor(_ parameters: FormDecoder.Parameters, _ name: String) throws(StripeError) -> String? {
        guard let value = parameters[name] else { return nil }
        guard case .scalar(let id) = value else { throw .invalid(name, "Invalid \(name): must be a string") }
        return id.isEmpty ? nil : id
    }
}
