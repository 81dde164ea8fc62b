import Foundation
import Testing

/// The whole plan, as printed, for a few representative scenarios and every output
/// format, compared with the files in `Golden/`: any change of output shows as a diff in
/// review. Each scenario is a folder holding a config, the emulator state it is planned
/// against (`--emulator --dry-run`, so nothing changes and ids stay fixed), one
/// `plan.FORMAT` file per format and the expected exit code.
///
/// After an intended change of output: `UPDATE_GOLDEN=1 swift test --filter GoldenPlanTests`
/// rewrites the files; review and commit the diff.
@Suite struct GoldenPlanTests {
    static let golden = Binary.repository.appendingPathComponent("Tests/EndToEndTests/Golden")
    static let formats = ["text": "txt", "json": "json", "markdown": "md"]

    @Test(arguments: ["mixed", "refused", "unchanged"])
    func planMatchesTheGoldenFiles(scenario: String) async throws {
        let source = Self.golden.appendingPathComponent(scenario)
        let expectedStatus = try Int32(#require(Int32(String(contentsOf: source.appendingPathComponent("exit-code"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines))))
        for (format, suffix) in Self.formats.sorted(by: { $0.key < $1.key }) {
            let work = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: work) }
            for name in ["stripe-webhooks.yaml", "state.json"] {
                try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: work.appendingPathComponent(name))
            }
            let run = try await runReconcile(["--dry-run", "--emulator", "--emulator-state", "state.json", "--output", format],
                                             environment: ["NO_COLOR": "1"], directory: work)
            let file = source.appendingPathComponent("plan.\(suffix)")
            if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
                try run.stdout.write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            #expect(run.status == expectedStatus, "\(scenario), --output \(format): \(run.stderr)")
            let expected = try String(contentsOf: file, encoding: .utf8)
            #expect(run.stdout == expected, "\(scenario), --output \(format) differs from Golden/\(scenario)/plan.\(suffix)\n\(Self.diff(expected, run.stdout))")
        }
    }

    /// The lines that differ, `-` expected and `+` printed, to read a failure at a glance.
    static func diff(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        return (0..<max(a.count, b.count)).compactMap { i -> String? in
            let x = i < a.count ? String(a[i]) : nil, y = i < b.count ? String(b[i]) : nil
            return x == y ? nil : [x.map { "-\($0)" }, y.map { "+\($0)" }].compactMap { $0 }.joined(separator: "\n")
        }.prefix(20).joined(separator: "\n")
    }
}
