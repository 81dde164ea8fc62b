import Foundation

/// Renders a run as the contract's JSON plan (`format_version` 1), keys sorted so the
/// output is stable for scripts and diffs; a refusal's way out is typed as `spelling` says.
public enum JSONRenderer {
    public static func render(_ report: RunReport, spelling: OptionSpelling) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and maps cannot fail.
        let data = try! encoder.encode(JSONReport(report, spelling: spelling))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

private struct JSONReport: Encodable {
    var format_version = 1
    var dry_run: Bool
    var summary: JSONSummary
    var accounts: [JSONAccount]

    init(_ report: RunReport, spelling: OptionSpelling) {
        dry_run = report.dryRun
        summary = JSONSummary(report.summary)
        accounts = report.accounts.map { JSONAccount($0, spelling: spelling) }
    }
}

private struct JSONSummary: Encodable {
    var create, update, replace, delete, adopt, unchanged: Int

    init(_ s: PlanSummary) {
        (create, update, replace, delete, adopt, unchanged) = (s.create, s.update, s.replace, s.delete, s.adopt, s.unchanged)
    }
}

private struct JSONAccount: Encodable {
    var config: String
    var owner: String
    var status: String
    var error: String?
    var completed: Int?
    var actions: [JSONAction]
    var unmanaged: [String]
    var refusals: [String]

    init(_ account: AccountReport, spelling: OptionSpelling) {
        config = account.configPath
        owner = account.owner
        status = account.outcome.name
        if case .failed(let message, let done) = account.outcome {
            error = message
            completed = done
        }
        actions = account.plan?.actions.map(JSONAction.init) ?? []
        unmanaged = account.plan?.unmanaged ?? []
        refusals = account.plan?.refusals.map { $0.message(spelling: spelling) } ?? []
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(config, forKey: .config)
        try c.encode(owner, forKey: .owner)
        try c.encode(status, forKey: .status)
        // Explicit nulls: scripts read these keys without checking for their presence.
        try c.encode(error, forKey: .error)
        try c.encode(completed, forKey: .completed)
        try c.encode(actions, forKey: .actions)
        try c.encode(unmanaged, forKey: .unmanaged)
        try c.encode(refusals, forKey: .refusals)
    }

    enum CodingKeys: String, CodingKey { case config, owner, status, error, completed, actions, unmanaged, refusals }
}

private struct JSONAction: Encodable {
    var action: String
    var trigger: String?
    var endpointID: String?
    var changes: [String: JSONChange]
    var note: String?
    var deleteFirst: Bool?

    init(_ planned: PlannedAction) {
        action = planned.action.name
        trigger = planned.trigger
        endpointID = planned.endpointID
        changes = Dictionary(uniqueKeysWithValues: planned.action.changes.map { ($0.field.rawValue, JSONChange(from: $0.from, to: $0.to)) })
        note = planned.action.note
        if case .replace(_, _, _, let first) = planned.action { deleteFirst = first }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(action, forKey: .action)
        try c.encode(trigger, forKey: .trigger)
        try c.encode(endpointID, forKey: .endpointID)
        try c.encode(changes, forKey: .changes)
        try c.encodeIfPresent(note, forKey: .note)
        try c.encodeIfPresent(deleteFirst, forKey: .deleteFirst)
    }

    enum CodingKeys: String, CodingKey {
        case action, trigger, changes, note
        case endpointID = "endpoint_id"
        case deleteFirst = "delete_first"
    }
}

private struct JSONChange: Encodable {
    var from: FieldValue?
    var to: FieldValue?

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
    }

    enum CodingKeys: String, CodingKey { case from, to }
}

extension FieldValue: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let text): try c.encode(text)
        case .bool(let flag): try c.encode(flag)
        case .list(let items): try c.encode(items)
        case .map(let map): try c.encode(map)
        }
    }
}
