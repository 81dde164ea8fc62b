import Foundation
import Testing

extension ControllerEndToEndTests {
    /// Bursts within Stripe's limit: the rate limiter's bucket starts full, so a fresh account
    /// sends its creates at once, and the emulator's limiter (25/s, like Stripe's test mode)
    /// answers none of them 429. How long it takes is the benchmark's to show
    /// (`reconcile-bench --accounts 1 --triggers 16`), not a test's: machines are shared.
    @Suite struct BurstEndToEndTests {
        static let events = [
            "customer.created", "customer.updated", "customer.deleted", "invoice.paid", "invoice.created", "invoice.finalized",
            "invoice.payment_failed", "invoice.updated", "charge.succeeded", "charge.failed", "charge.refunded",
            "payment_intent.succeeded", "payment_intent.created", "payment_intent.payment_failed", "checkout.session.completed",
            "product.created",
        ]

        func rateLimited(_ s: Scenario) async throws -> Int {
            try await s.emulator.requests().filter { ($0["status"] as? Int) == 429 }.count
        }

        @Test func aFreshSixteenTriggerAccountEarnsNo429() async throws {
            let s = try await Scenario()
            defer { s.finish() }
            try s.write(config(Self.events.map { ("all", $0) }))
            let result = try await s.reconcile(["--max-retries", "0"])
            #expect(result.status == 0, "\(result.all)")
            #expect(try await s.emulator.requests().count == 17)
            #expect(try await rateLimited(s) == 0)
        }

        /// A bucket larger than Stripe's allowance earns 429s: the limiter halves the account's
        /// rate, logs it, and the retries finish the run.
        @Test func aBurstPastTheLimitIsHalvedAndLogged() async throws {
            let s = try await Scenario(emulatorArguments: ["--rate-limit", "test=5,live=5"])
            defer { s.finish() }
            try s.write(config(Self.events.map { ("all", $0) }))
            let result = try await s.reconcile(["--burst", "16", "--rate-limit", "5", "--max-retries", "10", "--retry-base-delay", "0.05"])
            #expect(result.status == 0, "\(result.all)")
            #expect(try await rateLimited(s) > 0)
            #expect(result.stderr.contains("this account's rate is halved to 2.5 requests/s"), "\(result.stderr)")
            #expect(try await s.divergence(from: Self.events.map { ("all", $0) }) == [])
        }
    }
}
