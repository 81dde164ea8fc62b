import Foundation
import ReconcileCore

/// `--secrets-exec CMD`: runs CMD (with `/bin/sh -c`) once per endpoint created, with
/// that endpoint's `{owner, trigger, endpoint_id, url, secret, created}` as JSON on its
/// standard input, never in its arguments or environment, so a team can put each signing
/// secret where it is used (Vault, a Kubernetes Secret, a CI secret store).
///
/// A command that exits non-zero, cannot start, or runs past `timeout` is recorded as a
/// failure naming the trigger, the endpoint and the exit status; the apply goes on (the
/// endpoint exists either way) and the account ends failed. What the command prints is
/// kept apart from reconcile's output and shown only on failure, its last lines redacted.
public actor SecretsExec {
    public let command: String
    public let timeout: Duration
    private var failures: [String: [SecretsExecFailure]] = [:]

    public init(command: String, timeout: Duration = .seconds(30)) {
        self.command = command
        self.timeout = timeout
    }

    /// What the command reads on stdin.
    public struct Record: Codable, Sendable, Equatable {
        public var owner: String
        public var trigger: String
        public var endpoint_id: String
        public var url: String
        public var secret: String
        public var created: Int
    }

    /// Runs the command for one new endpoint; a failure is recorded under `config`.
    public func deliver(_ record: Record, config: String) async {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let input = (try? encoder.encode(record)) ?? Data()
        let result = await Self.run(command, input: input, timeout: timeout)
        guard let status = result.failure else { return }
        failures[config, default: []].append(SecretsExecFailure(
            trigger: "\(record.owner)/\(record.trigger)", endpointID: record.endpoint_id, status: status,
            output: SecretPattern.redacted(result.output.replacingOccurrences(of: record.secret, with: "(redacted)"))))
    }

    /// The failures recorded for the account of `config`, and forgets them.
    public func takeFailures(config: String) -> [SecretsExecFailure] {
        defer { failures[config] = nil }
        return failures[config] ?? []
    }

    /// The outcome of one run of the command: its status when it failed, and the last
    /// lines it printed (stdout and stderr together).
    static func run(_ command: String, input: Data, timeout: Duration) async -> (failure: SecretsExecFailure.Status?, output: String) {
        let (outcome, printed) = await ShellCommand(command: command, timeout: timeout).run(input: input)
        let tail = String(decoding: printed, as: UTF8.self).split(separator: "\n").suffix(5).joined(separator: "\n")
        switch outcome {
        case .exited(0): return (nil, tail)
        case .exited(let code): return (.exited(code), tail)
        case .signalled(let signal): return (.signalled(signal), tail)
        case .timedOut: return (.timedOut(timeout), tail)
        case .couldNotStart(let reason): return (.couldNotStart(reason), tail)
        }
    }
}

/// One run of `--secrets-exec` that failed, for the account's report. Holds no secret.
public struct SecretsExecFailure: Sendable, Equatable, CustomStringConvertible {
    public enum Status: Sendable, Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut(Duration)
        case couldNotStart(String)
    }

    public var trigger: String
    public var endpointID: String
    public var status: Status
    /// The command's last lines, redacted.
    public var output: String

    public var description: String {
        let what = switch status {
        case .exited(let code): "exited with status \(code)"
        case .signalled(let signal): "was ended by signal \(signal)"
        case .timedOut(let limit): "ran past --secrets-exec-timeout (\(Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18) s) and was stopped"
        case .couldNotStart(let reason): "could not start: \(reason)"
        }
        let printed = output.isEmpty ? "" : "; it printed: \(output.replacingOccurrences(of: "\n", with: " | "))"
        return "--secrets-exec for \(trigger) (\(endpointID)) \(what)\(printed)"
    }
}
