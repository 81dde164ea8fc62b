import PropertyBased
import TestSupport
import Testing
@testable import ReconcileCore

/// Properties of the planner and the renderers over random configs and account states.
/// Each case is built from one 64-bit seed, printed with the library's `.fixedSeed` on
/// failure: the failing input is that number, and the same number rebuilds the same case.
@Suite struct PlanProperties {
    @Test func noUnrefusedPlanExceedsTheCapOrTheDeletionLimit() async {
        await propertyCheck(count: 300, input: Gen.uint64()) { seed in
            var scenario = RandomScenario(seed: seed)
            let config = scenario.config()
            let observed = scenario.observed(for: config)
            let options = PlanOptions(maxDeletes: scenario.random.chance(0.3) ? scenario.random.int(0...4) : nil, allowDeletes: scenario.random.chance(0.2), allowReplace: true)
            let plan = Planner.plan(config: config, observed: observed, options: options)
            var finalCount = observed.count
            var orphanDeletes = 0
            for planned in plan.actions {
                switch planned.action {
                case .create: finalCount += 1
                case .delete(_, .orphan):
                    finalCount -= 1
                    orphanDeletes += 1
                case .delete: finalCount -= 1
                case .update, .adopt, .replace, .unchanged: break
                }
            }
            let managed = observed.filter { $0.metadata["managed_by"] == "reconcile" && $0.metadata["reconcile_owner"] == config.stripe.owner }.count
            let limit = options.maxDeletes ?? max(3, managed / 2)
            if plan.refusals.isEmpty {
                #expect(finalCount <= config.stripe.maxEndpoints, "seed \(seed): \(finalCount) endpoints planned, cap \(config.stripe.maxEndpoints)")
                #expect(options.allowDeletes || orphanDeletes <= limit, "seed \(seed): \(orphanDeletes) deletes, limit \(limit)")
            } else {
                #expect(finalCount > config.stripe.maxEndpoints || (!options.allowDeletes && orphanDeletes > limit), "seed \(seed): refused for nothing: \(plan.refusals)")
            }
        }
    }

    @Test func renderedPlansHoldNoControlCharacter() async {
        await propertyCheck(count: 300, input: Gen.uint64()) { seed in
            var scenario = RandomScenario(seed: seed, hostileText: true)
            let config = scenario.config()
            let observed = scenario.observed(for: config)
            let plan = Planner.plan(config: config, observed: observed, options: PlanOptions(allowReplace: scenario.random.chance(0.5)))
            let outcome: AccountOutcome = scenario.random.chance(0.3) ? .failed(message: scenario.text(), completed: 0) : .planned
            let report = RunReport(dryRun: scenario.random.chance(0.5), accounts: [AccountReport(configPath: scenario.text(), owner: config.stripe.owner, plan: plan, outcome: outcome)])
            for rendered in [TextRenderer(spelling: .test).render(report), TextRenderer(spelling: .test).renderResults(report), MarkdownRenderer.render(report, spelling: .test)] {
                let controls = rendered.unicodeScalars.filter { TerminalText.isControl($0) && $0 != "\n" }
                #expect(controls.isEmpty, "seed \(seed): \(controls.map { String($0.value, radix: 16) })")
            }
        }
    }
}
