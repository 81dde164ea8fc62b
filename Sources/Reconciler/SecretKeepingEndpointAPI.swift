import ReconcileCore

/// An ``EndpointAPI`` that hands each new endpoint's signing secret to the secrets file
/// and to `--secrets-exec` the moment its create answers, before anything else can fail.
///
/// Stripe shows a secret only in the create response: kept until the end of the action
/// (a disable or a replace's delete may follow) or of the run, it would be lost to a
/// failure of that later request, to Ctrl-C or to a crash.
struct SecretKeepingEndpointAPI: EndpointAPI {
    var base: any EndpointAPI
    var secrets: SecretsFile?
    var exec: SecretsExec?
    /// The account's config file, under which `exec` records its failures.
    var config: String = ""

    func listAll() async throws -> [ObservedEndpoint] {
        try await base.listAll()
    }

    func create(_ endpoint: DesiredEndpoint, idempotencyKey: String) async throws -> CreatedEndpoint {
        let created = try await base.create(endpoint, idempotencyKey: idempotencyKey)
        if let secret = created.secret, let owner = endpoint.metadata[OwnershipMarks.owner],
           let trigger = endpoint.metadata[OwnershipMarks.trigger] {
            if let secrets {
                await secrets.record("\(owner)/\(trigger)", .init(endpoint_id: created.id, secret: secret, url: created.url, created: created.created))
                // A failed write is reported by the run's final flush, which retries it.
                try? await secrets.flush()
            }
            // After the file: a failing command still leaves the secret on disk.
            await exec?.deliver(.init(owner: owner, trigger: trigger, endpoint_id: created.id, url: created.url, secret: secret, created: created.created), config: config)
        }
        return created
    }

    func update(endpointID: String, _ update: EndpointUpdate, idempotencyKey: String) async throws {
        try await base.update(endpointID: endpointID, update, idempotencyKey: idempotencyKey)
    }

    func delete(endpointID: String) async throws {
        try await base.delete(endpointID: endpointID)
    }

    func exists(endpointID: String) async throws -> Bool {
        try await base.exists(endpointID: endpointID)
    }
}
