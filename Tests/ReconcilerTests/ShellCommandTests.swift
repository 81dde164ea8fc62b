import Foundation
import Testing
@testable import Reconciler

/// The shell runner behind `--secrets-exec`: status, output, stdin, and a time limit
/// that ends every process the command started.
@Suite struct ShellCommandTests {
    func run(_ command: String, input: String = "", timeout: Duration = .seconds(10)) async -> (ShellCommand.Outcome, String) {
        let (outcome, output) = await ShellCommand(command: command, timeout: timeout).run(input: Data(input.utf8))
        return (outcome, String(decoding: output, as: UTF8.self))
    }

    @Test func reportsTheExitStatusAndWhatItPrintedOnBothStreams() async {
        let (outcome, output) = await run("echo out; echo err >&2; exit 7")
        #expect(outcome == .exited(7))
        #expect(output == "out\nerr\n")
    }

    @Test func theInputArrivesOnStdinAndOnlyThere() async {
        let (outcome, output) = await run(#"read -r line; echo "got $line"; env | grep -c hello || true"#, input: "hello\n")
        #expect(outcome == .exited(0))
        #expect(output == "got hello\n0\n")
    }

    @Test func aBackgroundChildDoesNotHoldTheRun() async {
        let started = ContinuousClock.now
        let (outcome, _) = await run("sleep 60 & echo started")
        #expect(outcome == .exited(0))
        // Far below the child's 60 s, with room for a loaded shared machine.
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    @Test func theTimeLimitEndsTheWholeGroup() async throws {
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("shell-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: pidFile) }
        let started = ContinuousClock.now
        let (outcome, _) = await run("sleep 60 & echo $! > \(pidFile.path); sleep 60", timeout: .milliseconds(300))
        #expect(outcome == .timedOut)
        #expect(ContinuousClock.now - started < .seconds(30))
        // The background child went with the group: no such process, or only its zombie.
        let pid = try #require(Int32(String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        let state = stat.flatMap { $0.split(separator: ")").last?.split(separator: " ").first }
        #expect(stat == nil || state == "Z", "the background sleep (\(pid)) outlived its group: \(stat ?? "")")
    }

    @Test func aCommandThatDoesNotReadItsInputIsNoError() async {
        let (outcome, _) = await run("exit 0", input: String(repeating: "x", count: 200_000))
        #expect(outcome == .exited(0))
    }
}
