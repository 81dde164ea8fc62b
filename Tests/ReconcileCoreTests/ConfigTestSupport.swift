import Foundation
import Testing
@testable import ReconcileCore

/// Loads YAML text as `test.yaml`, with an empty environment unless one is given.
func load(
    _ yaml: String, environment: [String: String] = [:], options: ConfigLoadOptions = .test
) -> Result<AccountConfig, ConfigErrors> {
    ConfigLoader.load(text: yaml, path: "test.yaml", environment: environment, options: options)
}

/// The config `yaml` declares, recording an issue (with every diagnostic) when it is invalid.
@discardableResult
func expectValid(
    _ yaml: String, environment: [String: String] = [:], options: ConfigLoadOptions = .test,
    sourceLocation: SourceLocation = #_sourceLocation
) -> AccountConfig? {
    switch load(yaml, environment: environment, options: options) {
    case .success(let config):
        return config
    case .failure(let errors):
        Issue.record("expected a valid config, got:\n\(errors.rendered())", sourceLocation: sourceLocation)
        return nil
    }
}

/// Every diagnostic `yaml` gets, as `LINE:COLUMN: message`; records an issue when it is valid.
func diagnostics(
    _ yaml: String, environment: [String: String] = [:], options: ConfigLoadOptions = .test,
    sourceLocation: SourceLocation = #_sourceLocation
) -> [Diagnostic] {
    switch load(yaml, environment: environment, options: options) {
    case .success:
        Issue.record("expected errors, but the config is valid", sourceLocation: sourceLocation)
        return []
    case .failure(let errors):
        return errors.diagnostics
    }
}

/// Asserts that `yaml` fails with exactly one error, at `line`:`column`, saying `message`
/// (and, when given, hinting `hint`).
func expectError(
    _ yaml: String, _ expected: String, hint: String? = nil,
    environment: [String: String] = [:], options: ConfigLoadOptions = .test,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let found = diagnostics(yaml, environment: environment, options: options, sourceLocation: sourceLocation)
    #expect(found.map(short) == [expected], sourceLocation: sourceLocation)
    if let hint {
        #expect(found.first?.hint == hint, sourceLocation: sourceLocation)
    }
}

/// `LINE:COLUMN: message`, the part of a diagnostic the rule tests compare.
func short(_ diagnostic: Diagnostic) -> String {
    "\(diagnostic.location.line):\(diagnostic.location.column): \(diagnostic.message)"
}

/// A minimal valid file with one workflow `wf` whose single trigger has the given lines
/// (indented under `- `), for tests of one trigger field. The trigger starts on line 5.
func trigger(_ lines: String, stripe: String = "") -> String {
    let body = lines.split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated()
        .map { $0.offset == 0 ? "      - \($0.element)" : "        \($0.element)" }
        .joined(separator: "\n")
    return "version: 1\n\(stripe)workflows:\n  - name: wf\n    triggers:\n\(body)\n"
}

/// The repository's root folder, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
