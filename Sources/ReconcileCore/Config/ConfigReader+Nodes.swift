import Yams

/// The keys of one mapping, checked against the keys it may have.
struct Fields {
    let mark: Mark?
    var values: [String: Node] = [:]

    subscript(key: String) -> Node? { values[key] }
}

/// Reading typed values out of nodes; every mismatch is logged where it is.
extension ConfigReader {
    /// The mapping's entries, after logging unknown keys (with the closest known one) and
    /// keys that are not plain strings. Nil, logged, when `node` is not a mapping.
    mutating func fields(_ node: Node, of owner: String, allowed: [String], example: String? = nil) -> Fields? {
        guard visit(node) else { return nil }
        guard case .mapping(let mapping) = node else {
            log.error("\(owner) must be a mapping of keys to values, found \(describe(node))", at: node.mark,
                      hint: example ?? "expected keys: \(allowed.map { "`\($0)`" }.joined(separator: ", "))")
            return nil
        }
        var fields = Fields(mark: mapping.mark)
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                log.error("a key in \(owner) must be a name, found \(describe(key))", at: key.mark)
                continue
            }
            let name = scalar.string
            if YAMLComposer.isPlaceholder(name) { continue }
            guard allowed.contains(name) else {
                log.error("unknown key `\(name)` in \(owner)", at: key.mark, hint: unknownKeyHint(name, allowed: allowed))
                continue
            }
            fields.values[name] = value
        }
        return fields
    }

    /// What to do instead of a key users coming from Stripe's API or other tools write.
    private func familiarKeyHint(_ name: String) -> String? {
        switch name {
        case "<<": "YAML merge keys (`<<`) are not supported; write the keys out"
        case "events", "enabled_events": "a trigger is exactly one event: write `event: TYPE`, and one trigger per event"
        case "secret": "Stripe makes an endpoint's signing secret when it is created; `\(options.spelling(.secretsOut))` saves it"
        case "api_key", "secret_key": "keys are never written in the file: `stripe.api_key_env` names the environment variable holding it"
        default: nil
        }
    }

    private func unknownKeyHint(_ name: String, allowed: [String]) -> String {
        if let hint = familiarKeyHint(name) { return hint }
        if let close = EditDistance.closest(to: name, in: allowed).first { return "did you mean `\(close)`?" }
        return "expected one of \(allowed.map { "`\($0)`" }.joined(separator: ", "))"
    }

    /// The elements of a list; nil, logged, when `node` is not a list.
    mutating func list(_ node: Node, _ key: String, example: String) -> [Node]? {
        guard visit(node) else { return nil }
        guard case .sequence(let sequence) = node else {
            log.error("`\(key)` must be a list, found \(describe(node))", at: node.mark,
                      hint: isNull(node) ? "write `\(key): []` to declare none" : "write each entry on its own line starting with `- `, e.g. `- \(example)`")
            return nil
        }
        return Array(sequence)
    }

    /// A string value with `${NAME}` substituted. Numbers and booleans read as written
    /// (`name: 2024` is the string `2024`); an empty value or a collection is logged.
    mutating func string(_ node: Node, _ key: String) -> String? {
        guard visit(node) else { return nil }
        guard case .scalar(let scalar) = node else {
            log.error("`\(key)` must be a single value, found \(describe(node))", at: node.mark)
            return nil
        }
        if isNull(node) {
            log.error("`\(key)` has no value", at: node.mark, hint: "give `\(key)` a value, or leave the key out where it is optional")
            return nil
        }
        switch EnvironmentSubstitution.substitute(scalar.string, environment: environment) {
        case .success(let value):
            if value != scalar.string, !SecretPattern.matches(in: value).isEmpty {
                log.error("the value of `\(key)` from the environment looks like a Stripe secret", at: node.mark,
                          hint: "secrets never go into endpoint settings; check which variable this references")
                return nil
            }
            return value
        case .failure(let failure):
            log.error(failure.message, at: node.mark, hint: failure.hint)
            return nil
        }
    }

    /// An integer written in decimal (`${NAME}` allowed).
    mutating func int(_ node: Node, _ key: String) -> Int? {
        guard case .scalar(let scalar) = node, !isNull(node) else { return wrongType(node, key, "an integer") }
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        guard let text = string(node, key) else { return nil }
        let digits = text.hasPrefix("+") || text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !quoted || scalar.string != text, !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return wrongType(node, key, "an integer")
        }
        guard let value = Int(text) else {
            log.error("`\(key)` is too large: \(text)", at: node.mark, hint: "write a small positive integer")
            return nil
        }
        return value
    }

    /// `true` or `false` (`${NAME}` allowed); YAML 1.1's `yes`/`no`/`on`/`off` are refused
    /// because readers of the file disagree on them.
    mutating func bool(_ node: Node, _ key: String) -> Bool? {
        guard case .scalar(let scalar) = node, !isNull(node) else { return wrongType(node, key, "`true` or `false`") }
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        guard let text = string(node, key) else { return nil }
        switch text.lowercased() {
        case "true" where !quoted || scalar.string != text: return true
        case "false" where !quoted || scalar.string != text: return false
        case "yes", "on", "y": return wrongType(node, key, "`true` or `false`", hint: "write `true`")
        case "no", "off", "n": return wrongType(node, key, "`true` or `false`", hint: "write `false`")
        default: return wrongType(node, key, "`true` or `false`")
        }
    }

    private mutating func wrongType<T>(_ node: Node, _ key: String, _ expected: String, hint: String? = nil) -> T? {
        log.error("`\(key)` must be \(expected), found \(describe(node))", at: node.mark,
                  hint: hint ?? (quotedScalar(node) ? "remove the quotes" : nil))
        return nil
    }

    private func quotedScalar(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .singleQuoted || scalar.style == .doubleQuoted
    }

    /// Whether a node is YAML's null: nothing, `~` or `null`, unquoted (the core schema's
    /// null, matched as text: the tree is composed without tag resolution).
    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// How a node reads in a message: `a list`, `a mapping`, `nothing`, `the string "x"`.
    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull(node) { return "nothing (null)" }
            let shown = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            let tag = Resolver.default.resolveTag(of: node).rawValue
            if scalar.style == .plain, tag == Tag.Name.int.rawValue || tag == Tag.Name.float.rawValue {
                return "the number \(shown)"
            }
            if scalar.style == .plain, tag == Tag.Name.bool.rawValue { return "`\(shown)`" }
            return "the string \"\(shown)\""
        }
    }

    /// Records that `node` was read; false, logged once, when it was read before, i.e. it is
    /// reached again through an alias. Refusing aliases keeps a "billion laughs" file from
    /// costing more than its size to check.
    mutating func visit(_ node: Node) -> Bool {
        guard mayHoldAliases, let mark = node.mark else { return true }
        let kind: Int
        switch node {
        case .scalar: kind = 0
        case .mapping: kind = 1
        case .sequence: kind = 2
        case .alias: kind = 3
        }
        let key = VisitKey(kind: kind, line: mark.line, column: mark.column)
        if visited.insert(key).inserted { return true }
        if reportedAliases.insert(key).inserted {
            log.error("this value is used again through a YAML alias (`*name`); aliases are not supported", at: mark,
                      hint: "write the value out where it is used, or share it with `${NAME}` from the environment")
        }
        return false
    }
}
