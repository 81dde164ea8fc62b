import Foundation

/// Renders a run as markdown, ready for a pull-request comment.
public enum MarkdownRenderer {
    public static func render(_ report: RunReport) -> String {
        let s = report.summary
        var out = "### reconcile \(report.dryRun ? "plan" : "apply")\n\n"
        out += "**\(s.create)** to create, **\(s.update)** to update, **\(s.replace)** to replace, **\(s.delete)** to delete, **\(s.adopt)** to adopt, \(s.unchanged) unchanged.\n"
        for account in report.accounts {
            out += "\n#### `\(account.config)` (owner `\(account.owner)`): \(account.outcome.name)\n\n"
            if case .failed(let message, _) = account.outcome {
                out += "> **Failed:** \(escape(message))\n\n"
            }
            guard let plan = account.plan else { continue }
            for refusal in plan.refusals {
                out += "> **Refused:** \(escape(refusal.message))\n\n"
            }
            let changes = plan.actions.filter(\.isChange)
            if changes.isEmpty {
                out += "No changes.\n"
            } else {
                out += "| action | trigger | endpoint | changes |\n|---|---|---|---|\n"
                for planned in changes {
                    let fields = planned.action.changes.flatMap(\.displayLines).map { line in
                        if case .create = planned.action { return "`\(line.name)` = \(escape(line.to))" }
                        return "`\(line.name)`: \(escape(line.from)) → \(escape(line.to))"
                    }
                    let details = (fields + [planned.action.note.map { "_\($0)_" }].compactMap { $0 }).joined(separator: "<br>")
                    out += "| \(planned.action.name) | `\(planned.trigger ?? "-")` | \(planned.endpointID.map { "`\($0)`" } ?? "new") | \(details) |\n"
                }
            }
            if !plan.unmanaged.isEmpty {
                out += "\nLeft alone (unmanaged or foreign): \(plan.unmanaged.map { "`\($0)`" }.joined(separator: ", "))\n"
            }
        }
        return out
    }

    /// Keeps table cells intact: pipes and newlines would break the row.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
