import Foundation

/// One timed run and what it should have cost.
struct Measurement {
    var scenario: Scenario
    var accounts: Int
    var triggers: Int
    var seconds: Double
    var requests: Int
    var rateLimited: Int
    var peakMemory: Int
    var writesPerAccount: Int
    /// One list per account plus one request per change.
    var expectedRequests: Int

    static let header = "scenario  shape       wall s  bound s  ratio  bound by          requests (expected)  429s  peak MB"

    /// The run of median wall time.
    static func median(_ runs: [Measurement]) -> Measurement {
        runs.sorted { $0.seconds < $1.seconds }[runs.count / 2]
    }

    func row(latency: Double, rate: Double, concurrency: Int) -> String {
        let bound = LowerBound(writesPerAccount: writesPerAccount, requests: expectedRequests, latency: latency, rate: rate, concurrency: concurrency)
        return [
            scenario.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0),
            "\(accounts)×\(triggers)".padding(toLength: 10, withPad: " ", startingAt: 0),
            String(format: "%6.2f", seconds),
            String(format: "%7.2f", bound.seconds),
            String(format: "%5.2f", seconds / bound.seconds),
            bound.binding.padding(toLength: 16, withPad: " ", startingAt: 0),
            "\(requests) (\(expectedRequests))".padding(toLength: 19, withPad: " ", startingAt: 0),
            String(format: "%4d", rateLimited),
            String(format: "%7.1f", Double(peakMemory) / 1_048_576),
        ].joined(separator: "  ")
    }
}
