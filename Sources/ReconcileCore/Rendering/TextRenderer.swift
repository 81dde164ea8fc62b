/// Renders a run the way `terraform plan` reads: `+ create`, `~ update` with
/// `from → to` per field, `-/+ replace`, `- delete`.
public struct TextRenderer: Sendable {
    public var style: TextStyle
    /// How a refusal's way out is typed.
    public var spelling: OptionSpelling

    public init(style: TextStyle = .plain, spelling: OptionSpelling) {
        self.style = style
        self.spelling = spelling
    }

    public func render(_ report: RunReport) -> String {
        var out = ""
        for account in report.accounts {
            out += renderAccount(account)
        }
        out += footer(report)
        return out
    }

    func renderAccount(_ account: AccountReport) -> String {
        var out = paint(account.configPath.terminalSafe, .bold) + " (owner \(account.owner.terminalSafe))\n"
        guard let plan = account.plan else {
            if case .failed(let message, _) = account.outcome {
                out += "  " + paint("error:", .red) + " \(message.terminalSafe)\n\n"
            }
            return out
        }
        let unchanged = plan.actions.filter { !$0.isChange }.count
        for planned in plan.actions where planned.isChange {
            out += renderAction(planned)
        }
        if !plan.hasChanges { out += "  No changes. Stripe matches the config.\n" }
        if unchanged > 0 || !plan.unmanaged.isEmpty {
            out += "  \(unchanged) unchanged; \(plan.unmanaged.count) unmanaged or foreign left alone"
            out += plan.unmanaged.isEmpty ? "\n" : ": \(plan.unmanaged.joined(separator: ", ").terminalSafe)\n"
        }
        for refusal in plan.refusals {
            out += "  " + paint("refused:", .red) + " \(refusal.message(spelling: spelling).terminalSafe)\n"
        }
        if case .failed(let message, let completed) = account.outcome {
            out += "  " + paint("failed:", .red) + " \(message.terminalSafe)\n"
            out += "  \(completed) of \(plan.actions.filter(\.isChange).count) changes were applied before the failure; run again to finish.\n"
        }
        return out + "\n"
    }

    func renderAction(_ planned: PlannedAction) -> String {
        let (symbol, color) = Self.symbol(planned.action)
        var head = "  " + paint("\(symbol) \(planned.action.name)", color) + " " + (planned.trigger?.terminalSafe ?? "(no trigger)")
        if let id = planned.endpointID { head += " (\(id.terminalSafe))" }
        if let note = planned.action.note { head += paint(" # \(note.terminalSafe)", .dim) }
        var out = head + "\n"
        let lines = planned.action.changes.flatMap(\.displayLines).map { ($0.name.terminalSafe, $0.from.terminalSafe, $0.to.terminalSafe) }
        let isCreate = if case .create = planned.action { true } else { false }
        let labels = lines.map { isCreate ? $0.0 : $0.0 + ":" }
        let width = labels.map(\.count).max() ?? 0
        for (label, line) in zip(labels, lines) {
            let padded = label + String(repeating: " ", count: width - label.count)
            out += isCreate ? "      \(padded) = \(line.2)\n" : "      \(padded) \(line.1) → \(line.2)\n"
        }
        return out
    }

    /// After an apply: what failed or was refused, then the totals applied.
    public func renderResults(_ report: RunReport) -> String {
        var out = ""
        for account in report.accounts {
            switch account.outcome {
            case .failed(let message, let completed):
                let total = account.plan?.actions.filter(\.isChange).count ?? 0
                out += paint("\(account.configPath.terminalSafe): failed:", .red) + " \(message.terminalSafe)\n"
                if total > 0 { out += "  \(completed) of \(total) changes were applied before the failure; run again to finish.\n" }
            case .refused:
                out += paint("\(account.configPath.terminalSafe): refused", .red) + ": nothing was written\n"
            case .applied, .planned:
                continue
            }
        }
        return out + footer(report)
    }

    func footer(_ report: RunReport) -> String {
        let s = report.summary
        if report.dryRun {
            return "Plan: \(s.create) to create, \(s.update) to update, \(s.replace) to replace, \(s.delete) to delete, \(s.adopt) to adopt, \(s.unchanged) unchanged.\n"
        }
        let applied = PlanSummary(report.accounts.filter { $0.outcome == .applied }.compactMap(\.plan))
        return "Applied: \(applied.create) created, \(applied.update) updated, \(applied.replace) replaced, \(applied.delete) deleted, \(applied.adopt) adopted, \(applied.unchanged) unchanged.\n"
    }

    static func symbol(_ action: Action) -> (String, TextStyle.Colour) {
        switch action {
        case .create: ("+", .green)
        case .update: ("~", .yellow)
        case .adopt: ("<", .cyan)
        case .replace: ("-/+", .magenta)
        case .delete: ("-", .red)
        case .unchanged: ("=", .dim)
        }
    }

    func paint(_ text: String, _ colour: TextStyle.Colour) -> String {
        style.paint(text, colour)
    }
}
