/// The least time a run's work can take, whatever the tool does.
///
/// Two things bound it:
/// - each account needs one list round trip, then its writes at Stripe's per-account rate:
///   `latency + writes / rate`;
/// - every request holds one of the run's `concurrency` slots for at least one round trip,
///   so a slot completes at most one request per round trip, and `requests` need at least
///   `⌈requests / concurrency⌉` round trips: 200 lists at 64 in flight take 4 round trips,
///   not 3.125, since no request can be a quarter sent.
///
/// The bound is the larger of the slowest account and the in-flight bound:
/// `max(latency + maxWrites / rate, ⌈requests / concurrency⌉ × latency)`.
struct LowerBound: Equatable {
    var perAccount: Double
    var inFlight: Double

    /// - Parameters:
    ///   - accounts: accounts in the run.
    ///   - writesPerAccount: writes the busiest account sends.
    ///   - requests: requests of the whole run, lists included.
    ///   - latency: one round trip, in seconds.
    ///   - rate: Stripe's per-account limit, requests per second.
    ///   - concurrency: requests in flight at once.
    init(writesPerAccount: Int, requests: Int, latency: Double, rate: Double, concurrency: Int) {
        perAccount = latency + Double(writesPerAccount) / rate
        let slots = max(1, concurrency)
        inFlight = Double((requests + slots - 1) / slots) * latency
    }

    var seconds: Double { max(perAccount, inFlight) }

    /// Which bound decides, for the report.
    var binding: String { perAccount >= inFlight ? "per-account rate" : "in-flight bound" }

    static let formula = "lower bound = max(latency + writes_per_account / rate, ⌈requests / concurrency⌉ × latency)"
}
