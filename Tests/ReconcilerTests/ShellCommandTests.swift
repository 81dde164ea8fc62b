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
        let (outcome, _) = await run("sleep 30 & echo started")
        #expect(outcome == .exited(0))
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func theTimeLimitEndsTheWholeGroup() async throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("shell-\(UUID().uuidString)")
        let started = ContinuousClock.now
        // The child would write the marker after 5 s if the group outlived the limit (the
        // margin is for a loaded machine, where the limit's timer may fire late).
        let (outcome, _) = await run("(sleep 5; touch \(marker.path)) & sleep 60", timeout: .milliseconds(300))
        #expect(outcome == .timedOut)
        #expect(ContinuousClock.now - started < .seconds(10))
        try await Task.sleep(until: started + .seconds(7))
        #expect(!FileManager.default.fileExists(atPath: marker.path))
    }

    @Test func aCommandThatDoesNotReadItsInputIsNoError() async {
        let (outcome, _) = await run("exit 0", input: String(repeating: "x", count: 200_000))
        #expect(outcome == .exited(0))
    }
}
