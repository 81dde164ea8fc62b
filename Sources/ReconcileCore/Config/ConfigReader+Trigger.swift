import Yams

/// The values of one trigger: its event, url and metadata.
extension ConfigReader {
    /// Reserved metadata keys: reconcile writes them on every endpoint it manages.
    static let reservedMetadataKeys = DeclaredTrigger.reservedMetadataKeys
    static let maxMetadataKeys = 50
    static let maxMetadataKeyLength = 40
    static let maxMetadataValueLength = 500

    /// A known event type, a display name resolved to one, or a well-formed unknown type
    /// when allowed.
    mutating func readEvent(_ node: Node) -> String? {
        guard let event = string(node, "event") else { return nil }
        if event == "*" {
            log.error("`*` (every event) cannot be a trigger: a trigger is exactly one event type", at: node.mark,
                      hint: "declare one trigger per event the workflow needs; `\(options.spelling(.searchEvents))` lists them")
            return nil
        }
        let suggestions: [String]
        switch catalog.resolve(event) {
        case .type(let type):
            return type
        case .several(let named):
            log.error("`\(event)` names several event types", at: node.mark,
                      hint: "write one of \(named.map { "`\($0)`" }.joined(separator: ", "))")
            return nil
        case .unknown(let closest):
            suggestions = closest
        }
        let wellFormed = EventCatalog.isWellFormed(event)
        if wellFormed, options.allowUnknownEvents { return event }
        var hint = EventCatalog.didYouMean(suggestions, spelling: options.spelling)
        if wellFormed {
            hint += " If Stripe added it after this build, pass \(options.spelling(.allowUnknownEvents))"
        }
        log.error(event.isEmpty ? "`event` is empty" : "unknown event type `\(event)`", at: node.mark, hint: hint)
        return nil
    }

    mutating func readURL(_ node: Node) -> String? {
        guard let url = string(node, "url") else { return nil }
        if let problem = WebhookURL.problem(url) {
            log.error(problem.message, at: node.mark, hint: problem.hint)
            return nil
        }
        return url
    }

    /// The user's metadata as strings: numbers and booleans read as written, reserved
    /// keys and Stripe's limits enforced.
    mutating func readMetadata(_ node: Node, connect: Bool) -> [String: String] {
        guard !isNull(node), visit(node) else { return [:] }
        guard case .mapping(let mapping) = node else {
            log.error("`metadata` must be a mapping of keys to text, found \(describe(node))", at: node.mark,
                      hint: "e.g. `metadata: {team: crm}`")
            return [:]
        }
        var metadata: [String: String] = [:]
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let scalar) = keyNode, !isNull(keyNode) else {
                log.error("a metadata key must be text, found \(describe(keyNode))", at: keyNode.mark)
                continue
            }
            let key = scalar.string
            if YAMLComposer.isPlaceholder(key) { continue }
            if let problem = metadataKeyProblem(key) {
                log.error(problem.message, at: keyNode.mark, hint: problem.hint)
                continue
            }
            guard let value = metadataValue(valueNode, key: key) else { continue }
            metadata[key] = value
        }
        let limit = Self.maxMetadataKeys - Self.reservedMetadataKeys.count + (connect ? 0 : 1)
        if metadata.count > limit {
            log.error("`metadata` has \(metadata.count) keys; at most \(limit) fit beside reconcile's own", at: node.mark,
                      hint: "Stripe allows \(Self.maxMetadataKeys) metadata keys per endpoint, and reconcile uses \(Self.maxMetadataKeys - limit)")
        }
        return metadata
    }

    private func metadataKeyProblem(_ key: String) -> (message: String, hint: String)? {
        if Self.reservedMetadataKeys.contains(key) {
            return ("metadata key `\(key)` is reserved: reconcile writes it to mark the endpoints it manages",
                    "rename the key; reserved keys are \(Self.reservedMetadataKeys.map { "`\($0)`" }.joined(separator: ", "))")
        }
        if key.isEmpty { return ("a metadata key is empty", "give the key a name") }
        if key.count > Self.maxMetadataKeyLength {
            return ("metadata key `\(key.prefix(20))…` is \(key.count) characters long; Stripe accepts at most \(Self.maxMetadataKeyLength)", "shorten it")
        }
        if key.contains("[") || key.contains("]") {
            return ("metadata key `\(key)` contains `[` or `]`, which Stripe refuses", "remove the brackets")
        }
        return nil
    }

    private mutating func metadataValue(_ node: Node, key: String) -> String? {
        if isNull(node) {
            log.error("metadata `\(key)` has no value", at: node.mark,
                      hint: "give it a value, or remove the key (Stripe deletes a key set to an empty value)")
            return nil
        }
        guard let value = string(node, "metadata.\(key)") else { return nil }
        if value.isEmpty {
            log.error("metadata `\(key)` is empty", at: node.mark,
                      hint: "give it a value, or remove the key (Stripe deletes a key set to an empty value)")
            return nil
        }
        if value.count > Self.maxMetadataValueLength {
            log.error("metadata `\(key)` is \(value.count) characters long; Stripe accepts at most \(Self.maxMetadataValueLength)", at: node.mark,
                      hint: "shorten it")
            return nil
        }
        return value
    }
}
