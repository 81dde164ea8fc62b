import Foundation
import Testing

/// The CI files a user copies: `action.yml`, `examples/ci/`, `.pre-commit-hooks.yaml`.
/// Their shape is checked against GitHub's and GitLab's schemas by Tests/ci-files/check.sh;
/// these tests hold them to the path the README describes, from pull request to production.
@Suite struct CIExamplesTests {
    static func text(_ path: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func theActionTakesAndGivesWhatTheReadmeSays() throws {
        let action = try Self.text("action.yml")
        for input in ["config", "mode", "plan-file", "args", "version", "repository"] {
            #expect(action.contains("\n  \(input):\n"), "input \(input)")
        }
        for output in ["exit-code", "changes", "markdown-file"] {
            #expect(action.contains("\n  \(output):\n"), "output \(output)")
        }
        #expect(action.contains("using: composite"))
        // The release layout scripts/release.sh writes, checked against its .sha256.
        #expect(action.contains(#"name="reconcile-${VERSION}-linux-x86_64""#))
        #expect(action.contains(#"https://github.com/${REPOSITORY}/releases/download/v${VERSION}"#))
        #expect(action.contains("sha256sum --check --strict"))
        #expect(action.contains("inputs.repository || github.action_repository"))
        #expect(action.contains("--plan-out") && action.contains(#"--plan "$PLAN_FILE""#))
        #expect(action.contains("swift build -c release --product reconcile"))
    }

    @Test func theGitHubWorkflowPlansOnPullRequestsAndAppliesThatPlanOnMerge() throws {
        let workflow = try Self.text("examples/ci/github-actions.yml")
        #expect(workflow.contains("mode: plan") && workflow.contains("mode: apply"))
        #expect(workflow.components(separatedBy: "plan-file: reconcile-plan.json").count == 3, "plan and apply name the same file")
        #expect(workflow.contains("actions/upload-artifact@v4") && workflow.contains("gh run download"))
        #expect(workflow.contains("gh pr comment"))
        #expect(!workflow.contains("sk_live_") && !workflow.contains("sk_test_"))
    }

    @Test func theGitLabPipelineDoesTheSame() throws {
        let pipeline = try Self.text("examples/ci/gitlab-ci.yml")
        #expect(pipeline.contains("--plan-out reconcile-plan.json") && pipeline.contains("--plan reconcile-plan.json"))
        #expect(pipeline.contains("merge_requests/$CI_MERGE_REQUEST_IID/notes"))
        #expect(pipeline.contains("artifacts:") && pipeline.contains("sha256sum --check"))
    }

    @Test func thePreCommitHookValidatesOffline() throws {
        let hooks = try Self.text(".pre-commit-hooks.yaml")
        #expect(hooks.contains("- id: reconcile-validate\n"))
        #expect(hooks.contains("entry: reconcile validate\n"))
        let readme = try Self.text("README.md")
        #expect(readme.contains("id: reconcile-validate"), "the README shows the .pre-commit-config.yaml lines")
    }
}
