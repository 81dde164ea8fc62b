/// Latency and failures to inject, decided by a seeded generator so runs are reproducible.
///
/// Probabilities are per request and exclusive: one roll picks at most one fault.
public struct EmulatorFaults: Sendable, Codable, Equatable {
    /// Added to every response, in milliseconds.
    public var latencyMs: Int
    /// Up to this many more milliseconds, uniformly.
    public var jitterMs: Int
    /// 429 `rate_limit`, with `Stripe-Should-Retry: true`; nothing applied.
    public var rateLimit: Double
    /// 500 `api_error`; nothing applied, and replayed as a 500 for its idempotency key, as on Stripe.
    public var serverError: Double
    /// 503 `api_error`; nothing applied.
    public var unavailable: Double
    /// The connection closes without a response; nothing applied.
    public var drop: Double
    /// The request is applied, then the connection closes without a response.
    public var lost: Double
    /// Only POST and DELETE requests get faults (latency still applies to all).
    public var writesOnly: Bool
    /// When set, only these methods get faults.
    public var methods: [String]?

    /// Creates faults; the default injects nothing.
    public init(latencyMs: Int = 0, jitterMs: Int = 0, rateLimit: Double = 0, serverError: Double = 0,
                unavailable: Double = 0, drop: Double = 0, lost: Double = 0,
                writesOnly: Bool = false, methods: [String]? = nil) {
        self.latencyMs = latencyMs
        self.jitterMs = jitterMs
        self.rateLimit = rateLimit
        self.serverError = serverError
        self.unavailable = unavailable
        self.drop = drop
        self.lost = lost
        self.writesOnly = writesOnly
        self.methods = methods
    }

    enum CodingKeys: String, CodingKey {
        case latencyMs, jitterMs, rateLimit, serverError, unavailable, drop, lost, writesOnly, methods
    }

    /// No latency, no failures.
    public static let none = EmulatorFaults()

    /// The most `latencyMs` or `jitterMs` may be: ten minutes, past any client's timeout,
    /// and far from overflowing a sum or a duration.
    public static let maxLatencyMs = 600_000

    /// Why these faults cannot be used, or nil: latencies out of range, probabilities
    /// outside 0...1 or adding up to more than 1.
    public var problem: String? {
        for (name, value) in [("latencyMs", latencyMs), ("jitterMs", jitterMs)] where !(0...Self.maxLatencyMs).contains(value) {
            return "\(name) must be between 0 and \(Self.maxLatencyMs) milliseconds, not \(value)"
        }
        let probabilities = [rateLimit, serverError, unavailable, drop, lost]
        guard probabilities.allSatisfy({ (0...1).contains($0) }), probabilities.reduce(0, +) <= 1 else {
            return "fault probabilities must each be between 0 and 1 and add up to at most 1"
        }
        return nil
    }

    /// One injected failure.
    enum Fault: Equatable {
        case rateLimit, serverError, unavailable, drop, lost
    }

    /// Parses `429=0.1,500=0.05,503=0.05,drop=0.05,lost=0.1` (any subset, any order).
    public static func parse(_ text: String, into faults: EmulatorFaults = .none) throws(EmulatorFaultsError) -> EmulatorFaults {
        var result = faults
        for item in text.split(separator: ",") where !item.trimmingSpaces.isEmpty {
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let probability = Double(parts[1].trimmingSpaces), (0...1).contains(probability) else {
                throw EmulatorFaultsError(message: "'\(item)' is not NAME=PROBABILITY with a probability between 0 and 1")
            }
            switch parts[0].trimmingSpaces {
            case "429": result.rateLimit = probability
            case "500": result.serverError = probability
            case "503": result.unavailable = probability
            case "drop": result.drop = probability
            case "lost": result.lost = probability
            case let name: throw EmulatorFaultsError(message: "unknown fault '\(name)'; use 429, 500, 503, drop or lost")
            }
        }
        if let problem = result.problem { throw EmulatorFaultsError(message: problem) }
        return result
    }

    /// Whether a request with this method may get a fault.
    func applies(to method: String) -> Bool {
        if writesOnly && method != "POST" && method != "DELETE" { return false }
        if let methods, !methods.contains(where: { $0.uppercased() == method }) { return false }
        return true
    }

    /// Picks the fault for one request from a roll in `0..<1`.
    func fault(forRoll roll: Double) -> Fault? {
        var threshold = 0.0
        for (probability, fault) in [(rateLimit, Fault.rateLimit), (serverError, .serverError), (unavailable, .unavailable), (drop, .drop), (lost, .lost)] {
            threshold += probability
            if roll < threshold { return fault }
        }
        return nil
    }
}

/// A faults specification that cannot be parsed.
public struct EmulatorFaultsError: Error, Sendable, CustomStringConvertible {
    /// What is wrong and what would be right.
    public var message: String
    public var description: String { message }
}
