/// The least time a run's work can take, whatever the tool does.
///
/// Two things bound it:
/// - each account needs one list round trip, then its writes, within Stripe's per-account
///   limit of `rate` requests in any one-second window (a bucket of `rate` tokens that
///   starts full): a fresh 16-trigger account's 17 requests fit in one window, so they
///   are two round trips (the list, then the 16 creates at once); requests past the
///   first window's `rate` wait for the refill, the last of them sent no sooner than
///   `(requests - rate) / rate` seconds in: `max(2 × latency, (1 + writes - rate) / rate + latency)`
///   (one round trip when there is no write);
/// - every request holds one of the run's `concurrency` slots for at least one round trip,
///   so a slot completes at most one request per round trip, and `requests` need at least
///   `⌈requests / concurrency⌉` round trips: 200 lists at 64 in flight take 4 round trips,
///   not 3.125, since no request can be a quarter sent.
///
/// The bound is the larger of the slowest account and the in-flight bound:
/// `max(per-account bound, ⌈requests / concurrency⌉ × latency)`.
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
        let roundTrips = writesPerAccount > 0 ? 2.0 : 1.0
        let pastFirstWindow = max(0, Double(1 + writesPerAccount) - rate)
        perAccount = max(roundTrips * latency, pastFirstWindow / rate + latency)
        let slots = max(1, concurrency)
        inFlight = Double((requests + slots - 1) / slots) * latency
    }

    var seconds: Double { max(perAccount, inFlight) }

    /// Which bound decides, for the report.
    var binding: String { perAccount >= inFlight ? "per-account rate" : "in-flight bound" }

    static let formula = "lower bound = max(per account: max(2 × latency, (1 + writes - rate) / rate + latency) (1 round trip with no write), ⌈requests / concurrency⌉ × latency)"
}
