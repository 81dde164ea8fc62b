/// Writes a config that declares what an account has now, so a team can move an
/// existing Dashboard setup into git: fed back, it plans no change (unmanaged
/// endpoints, when included, are adopted).
public enum ConfigExporter {
    public static func export(_ endpoints: [ObservedEndpoint], settings: StripeSettings, includeUnmanaged: Bool) -> String {
        var writer = YAMLWriter()
        writer.line("# Exported by `reconcile export` from the account in $\(settings.apiKeyEnv).")
        writer.line("version: 1")
        writer.line("stripe:")
        writer.field("api_key_env", settings.apiKeyEnv, indent: 1)
        writer.field("owner", settings.owner, indent: 1)
        if let mode = settings.mode { writer.field("mode", mode.rawValue, indent: 1) }
        // No account-wide api_version: an endpoint without one would inherit it and be
        // replaced. Each trigger states its endpoint's own version instead.
        if settings.maxEndpoints != StripeSettings.defaultMaxEndpoints { writer.line("  max_endpoints: \(settings.maxEndpoints)") }

        let inventory = Inventory(observed: endpoints, owner: settings.owner, options: PlanOptions())
        var workflows: [(name: String, triggers: [ExportedTrigger])] = []
        // One trigger per key: the endpoint the planner would keep, the oldest.
        for key in inventory.managed.keys.sorted() where !key.isEmpty {
            guard let endpoint = inventory.managed[key]?.first, let slash = key.firstIndex(of: "/") else { continue }
            let trigger = ExportedTrigger(event: String(key[key.index(after: slash)...]), endpoint: endpoint, key: key)
            let workflow = String(key[..<slash])
            if let index = workflows.firstIndex(where: { $0.name == workflow }) {
                workflows[index].triggers.append(trigger)
            } else {
                workflows.append((workflow, [trigger]))
            }
        }
        var skipped: [String] = []
        if includeUnmanaged {
            for endpoint in inventory.unmanaged {
                // A trigger is one event: `*` cannot be declared, each other event can.
                let events = endpoint.enabledEvents.filter { $0 != "*" }
                if events.isEmpty {
                    skipped.append("\(endpoint.id) (\(endpoint.url)) receives every event (*): declare the events its receiver needs")
                    continue
                }
                let name = endpoint.id.lowercased()
                workflows.append((name, events.map { ExportedTrigger(event: $0, endpoint: endpoint, key: "\(name)/\($0)") }))
            }
        }

        writer.line(workflows.isEmpty ? "workflows: []" : "workflows:")
        for workflow in workflows {
            writer.field("- name", workflow.name, indent: 1)
            writer.line("    triggers:")
            for trigger in workflow.triggers { trigger.write(to: &writer) }
        }
        for note in skipped { writer.line("# not exported: \(note.terminalSafe)") }
        return writer.text
    }
}

/// One endpoint written as one trigger.
struct ExportedTrigger {
    var event: String
    var endpoint: ObservedEndpoint
    var key: String

    func write(to writer: inout YAMLWriter) {
        writer.field("- event", event, indent: 3)
        writer.field("url", endpoint.url, indent: 4)
        if let description = endpoint.description, description != DeclaredTrigger.defaultDescription(key: key) {
            writer.field("description", description, indent: 4)
        }
        if !endpoint.enabled { writer.line("        enabled: false") }
        if let version = endpoint.apiVersion {
            writer.field("api_version", version, indent: 4)
        }
        if endpoint.isConnect { writer.line("        connect: true") }
        let metadata = endpoint.metadata.filter { !OwnershipMarks.reservedKeys.contains($0.key) }.sorted { $0.key < $1.key }
        guard !metadata.isEmpty else { return }
        writer.line("        metadata:")
        for (key, value) in metadata {
            if SecretPattern.matches(in: value).isEmpty {
                writer.line("          \(YAMLWriter.quoted(key)): \(YAMLWriter.quoted(value))")
            } else {
                writer.line("          # \(key.terminalSafe) omitted: its value looks like a secret, which a config must not hold")
            }
        }
    }
}

/// Just enough YAML: every string double-quoted, so no value is read back as a
/// number, a boolean, a date or a `${VAR}`.
struct YAMLWriter {
    var text = ""

    mutating func line(_ line: String) {
        text += line + "\n"
    }

    mutating func field(_ name: String, _ value: String, indent: Int) {
        line(String(repeating: "  ", count: indent) + "\(name): \(Self.quoted(value))")
    }

    /// A YAML double-quoted scalar: a JSON string is one (YAML 1.2 reads JSON), so the
    /// schema's JSON quoting serves, with `${` kept literal.
    static func quoted(_ value: String) -> String {
        // `${` would be substituted from the environment when loaded: `$${` keeps it literal.
        JSONValue.quote(value).replacingDollarBraces()
    }
}

private extension String {
    func replacingDollarBraces() -> String {
        var out = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: "${") {
            out += rest[..<range.lowerBound] + "$${"
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
