import Testing
import StripeEmulator

@Suite struct ThroughputTests {
    /// Thousands of requests from many tasks at once, every one answered. How fast is the
    /// benchmark's to say (`reconcile-bench`'s server throughput): a wall-clock bound here
    /// failed on a loaded machine while nothing was wrong.
    @Test func handlesThousandsOfConcurrentRequests() async {
        let stripe = TestStripe(maxEndpoints: 100)
        let emulator = stripe.emulator
        let clock = ContinuousClock()
        let elapsed = await clock.measure {
            await withTaskGroup(of: Void.self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        let key = "sk_test_throughput\(worker)xx"
                        for index in 0..<500 {
                            let request = index % 5 == 0
                                ? EmulatorRequest(method: "POST", target: "/v1/webhook_endpoints",
                                                  headers: ["authorization": "Bearer \(key)"],
                                                  body: "url=https://a.example/\(index)&enabled_events[]=charge.succeeded")
                                : EmulatorRequest(method: "GET", target: "/v1/webhook_endpoints?limit=10",
                                                  headers: ["authorization": "Bearer \(key)"])
                            _ = emulator.handle(request)
                        }
                    }
                }
            }
        }
        #expect(emulator.requestLog().count == 4000)
        #expect(emulator.requestLog().allSatisfy { $0.status == .status(200) })
        print("4000 requests in \(elapsed)")
    }
}
