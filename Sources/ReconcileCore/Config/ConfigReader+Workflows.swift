import Yams

/// Reading `workflows:` and their triggers, and the rules that span the whole file.
extension ConfigReader {
    static let workflowKeys = ConfigField.workflow.map(\.name)
    static let triggerKeys = ConfigField.trigger.map(\.name)
    /// Stripe's limit on `description`.
    static let maxDescriptionLength = 5000

    mutating func readWorkflows(_ top: Fields, stripe: StripeSettings) -> [Workflow] {
        guard let node = top["workflows"] else {
            log.error("missing `workflows`", at: top.mark,
                      hint: "add `workflows:` with at least one workflow, or `workflows: []` to declare no endpoint")
            return []
        }
        guard let items = list(node, "workflows", example: "name: sync-customers") else { return [] }
        var workflows: [Workflow] = []
        var names: [String: Int] = [:]
        var triggerLines: [String: Mark] = [:]
        var marks: [Mark?] = []
        for item in items {
            guard let workflow = readWorkflow(item, stripe: stripe, names: &names, triggerLines: &triggerLines, triggerMarks: &marks) else {
                continue
            }
            workflows.append(workflow)
        }
        checkCap(triggerMarks: marks, max: stripe.maxEndpoints)
        return workflows
    }

    /// Each trigger is one endpoint, so a file may declare at most `max_endpoints`; the
    /// error stands at the first trigger past the cap and names both numbers.
    private mutating func checkCap(triggerMarks marks: [Mark?], max: Int) {
        guard marks.count > max else { return }
        let decidedBy = maxEndpointsMark.map { "`max_endpoints: \(max)` at line \($0.line)" }
            ?? "Stripe's limit per account; `max_endpoints` is not set"
        let over = marks.count - max
        log.error("\(marks.count) triggers declared; this account allows \(max) endpoints (\(decidedBy))", at: marks[max],
                  hint: "each trigger is one webhook endpoint; remove \(over) trigger\(over == 1 ? "" : "s"), or raise `stripe.max_endpoints` if Stripe raised your limit")
    }

    private mutating func readWorkflow(
        _ node: Node, stripe: StripeSettings, names: inout [String: Int], triggerLines: inout [String: Mark], triggerMarks: inout [Mark?]
    ) -> Workflow? {
        guard let fields = fields(node, of: "a workflow", allowed: Self.workflowKeys,
                                  example: "write `- name: sync-customers`, with `triggers:` under it") else { return nil }
        var name: String?
        if let node = fields["name"] {
            name = string(node, "name")
            if let value = name {
                if let problem = NameRules.workflowNameProblem(value) {
                    log.error(problem, at: node.mark, hint: NameRules.slug(value).map { "try `\($0)`" })
                    name = nil
                } else if let first = names[value] {
                    log.error("duplicate workflow name `\(value)`: already used at line \(first)", at: node.mark,
                              hint: "workflow names are unique in a file; rename one, or merge their triggers")
                } else {
                    names[value] = node.mark?.line ?? 0
                }
            }
        } else {
            log.error("a workflow needs a `name`", at: fields.mark, hint: "add `name: sync-customers` (lower case, digits, `-` and `_`)")
        }
        let description = optionalString(fields["description"], "description")
        guard let triggersNode = fields["triggers"] else {
            log.error("workflow \(name.map { "`\($0)` " } ?? "")has no `triggers`", at: fields.mark,
                      hint: "add `triggers:` with one `- event: ...` and `url: ...` per Stripe event")
            return nil
        }
        guard let items = list(triggersNode, "triggers", example: "event: customer.updated") else { return nil }
        var triggers: [DeclaredTrigger] = []
        for item in items {
            triggerMarks.append(item.mark)
            guard let trigger = readTrigger(item, workflow: name, workflowDescription: description, stripe: stripe, seen: &triggerLines) else {
                continue
            }
            triggers.append(trigger)
        }
        return name.map { Workflow(name: $0, description: description, triggers: triggers) }
    }

    /// An optional text field: nil when absent or null; at most 5000 characters.
    mutating func optionalString(_ node: Node?, _ key: String) -> String? {
        guard let node, !isNull(node), let value = string(node, key) else { return nil }
        if value.count > Self.maxDescriptionLength {
            log.error("`\(key)` is \(value.count) characters long; Stripe accepts at most \(Self.maxDescriptionLength)", at: node.mark,
                      hint: "shorten it")
            return nil
        }
        return value
    }

    private mutating func readTrigger(
        _ node: Node, workflow: String?, workflowDescription: String?, stripe: StripeSettings, seen: inout [String: Mark]
    ) -> DeclaredTrigger? {
        guard let fields = fields(node, of: "a trigger", allowed: Self.triggerKeys,
                                  example: "write `- event: customer.updated`, with `url: https://...` under it") else { return nil }
        var event: String?
        if let node = fields["event"] {
            event = readEvent(node)
        } else {
            log.error("a trigger needs an `event`", at: fields.mark, hint: "add `event: customer.updated` (one Stripe event type)")
        }
        var url: String?
        if let node = fields["url"] {
            url = readURL(node)
        } else {
            log.error("a trigger needs a `url`", at: fields.mark, hint: "add `url: https://...`, where Stripe delivers the event")
        }
        let description = optionalString(fields["description"], "description")
        let enabled = fields["enabled"].flatMap { isNull($0) ? nil : bool($0, "enabled") } ?? true
        let connect = fields["connect"].flatMap { isNull($0) ? nil : bool($0, "connect") } ?? false
        let version = fields["api_version"].flatMap { apiVersion($0) } ?? stripe.apiVersion
        let metadata = fields["metadata"].map { readMetadata($0, connect: connect) } ?? [:]

        guard let workflow, let event, let url else { return nil }
        let key = "\(workflow)/\(event)"
        if let eventNode = fields["event"] {
            if let first = seen[key] {
                log.error("duplicate trigger `\(key)`: already declared at line \(first.line), column \(first.column)", at: eventNode.mark,
                          hint: "a workflow has one trigger per event; remove one of the two")
            } else if let mark = eventNode.mark {
                seen[key] = mark
            }
        }
        return DeclaredTrigger(
            workflow: workflow, event: event, url: url,
            description: description ?? workflowDescription,
            enabled: enabled, apiVersion: version, connect: connect, metadata: metadata)
    }
}
