import Foundation

/// Renders a run as markdown, ready for a pull-request comment; a refusal's way out is
/// typed as `spelling` says.
public enum MarkdownRenderer {
    public static func render(_ report: RunReport, spelling: OptionSpelling) -> String {
        let s = report.summary
        var out = "### reconcile \(report.dryRun ? "plan" : "apply")\n\n"
        out += "**\(s.create)** to create, **\(s.update)** to update, **\(s.replace)** to replace, **\(s.delete)** to delete, **\(s.adopt)** to adopt, \(s.unchanged) unchanged.\n"
        for account in report.accounts {
            out += "\n#### `\(code(account.configPath))` (owner `\(code(account.owner))`): \(account.outcome.name)\n\n"
            if case .failed(let message, _) = account.outcome {
                out += "> **Failed:** \(escape(message))\n\n"
            }
            guard let plan = account.plan else { continue }
            for refusal in plan.refusals {
                out += "> **Refused:** \(escape(refusal.message(spelling: spelling)))\n\n"
            }
            let changes = plan.actions.filter(\.isChange)
            if changes.isEmpty {
                out += "No changes.\n"
            } else {
                out += "| action | trigger | endpoint | changes |\n|---|---|---|---|\n"
                for planned in changes {
                    let fields = planned.action.changes.flatMap(\.displayLines).map { line in
                        if case .create = planned.action { return "`\(code(line.name))` = \(escape(line.to))" }
                        return "`\(code(line.name))`: \(escape(line.from)) → \(escape(line.to))"
                    }
                    let details = (fields + [planned.action.note.map { "_\(escape($0))_" }].compactMap { $0 }).joined(separator: "<br>")
                    out += "| \(planned.action.name) | `\(code(planned.trigger ?? "-"))` | \(planned.endpointID.map { "`\(code($0))`" } ?? "new") | \(details) |\n"
                }
            }
            if !plan.unmanaged.isEmpty {
                out += "\nLeft alone (unmanaged or foreign): \(plan.unmanaged.map { "`\(code($0))`" }.joined(separator: ", "))\n"
            }
        }
        return out
    }

    /// Keeps table cells intact: pipes would break the row, and control characters
    /// (newlines included) are shown escaped.
    static func escape(_ text: String) -> String {
        text.terminalSafe.replacingOccurrences(of: "|", with: "\\|")
    }

    /// Text inside a code span in a table: escaped, and without the backticks and pipes
    /// that would end the span or the cell.
    static func code(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "`", with: "'")
    }
}
