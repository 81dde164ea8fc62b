import Foundation

/// A GitHub Actions workflow command, such as an error annotation
/// `::error file=PATH,line=L,col=C,title=reconcile::MESSAGE`, escaped as the runner
/// reads it back: `%`, CR and LF in the message, and also `:` and `,` in properties.
/// Anything that looks like a Stripe key or signing secret is redacted first.
public struct WorkflowCommand: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case error, warning, notice
    }

    public var kind: Kind
    /// In order; `nil` values are left out.
    public var properties: [(name: String, value: String)]
    public var message: String

    public init(_ kind: Kind, properties: [(name: String, value: String)] = [], message: String) {
        self.kind = kind
        self.properties = properties
        self.message = message
    }

    /// The title every annotation of this tool carries.
    public static let title = "reconcile"

    /// An error annotation without a file, for refusals and failed accounts.
    public static func error(_ message: String) -> WorkflowCommand {
        WorkflowCommand(.error, properties: [("title", title)], message: message)
    }

    /// An error annotation on the config file, line and column of `diagnostic`, the
    /// file named relative to `directory` (the working directory) as GitHub expects;
    /// the hint follows the message on a second line.
    public static func annotation(for diagnostic: Diagnostic, relativeTo directory: String) -> WorkflowCommand {
        var properties: [(name: String, value: String)] = [("file", relativePath(diagnostic.location.file, to: directory))]
        if diagnostic.location.line > 0 {
            properties += [("line", String(diagnostic.location.line)), ("col", String(diagnostic.location.column))]
        }
        properties.append(("title", title))
        let text = diagnostic.message + (diagnostic.hint.map { "\nhint: \($0)" } ?? "")
        return WorkflowCommand(.error, properties: properties, message: text)
    }

    /// `path` relative to `directory` when it lies inside it, without a leading `./`.
    public static func relativePath(_ path: String, to directory: String) -> String {
        let folder = directory.hasSuffix("/") ? directory : directory + "/"
        var relative = path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        return relative
    }

    /// The line the runner reads, without a newline.
    public var description: String {
        let props = properties.map { "\($0.name)=\(Self.escapeProperty(SecretPattern.redacted($0.value)))" }.joined(separator: ",")
        return "::\(kind.rawValue)\(props.isEmpty ? "" : " " + props)::\(Self.escapeData(SecretPattern.redacted(message)))"
    }

    /// As `@actions/core` escapes a command's message.
    public static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// As `@actions/core` escapes a property's value.
    public static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    public static func == (a: WorkflowCommand, b: WorkflowCommand) -> Bool { a.description == b.description }
}

extension RunReport {
    /// One error annotation per refused or failed account, naming the config and why; a
    /// refusal's way out is typed as `spelling` says.
    public func workflowCommands(spelling: OptionSpelling) -> [WorkflowCommand] {
        accounts.flatMap { account -> [WorkflowCommand] in
            let name = "\(account.configPath) (owner \(account.owner))"
            switch account.outcome {
            case .planned, .applied:
                return []
            case .refused:
                return (account.plan?.refusals ?? []).map { WorkflowCommand.error("\(name): refused, nothing was written: \($0.message(spelling: spelling))") }
            case .failed(let message, let completed):
                let done = completed > 0 ? " after \(completed) change\(completed == 1 ? "" : "s") applied" : ""
                return [WorkflowCommand.error("\(name): failed\(done): \(message)")]
            }
        }
    }
}
