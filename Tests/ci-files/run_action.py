"""Runs action.yml's steps by hand, as GitHub's runner would on `version: source`: the
build-from-source step (unless RECONCILE_BIN names a binary already built), then the
reconcile step in mode `plan` and in mode `apply` on that plan, against the embedded
emulator in a scratch folder. Checks the outputs (exit-code, changes, markdown-file),
the saved plan, and that a second apply of the same plan is refused as stale (exit 4).

    python3 Tests/ci-files/run_action.py                  # builds with swift build -c release
    RECONCILE_BIN=.build/debug/reconcile python3 Tests/ci-files/run_action.py
"""
import os
import pathlib
import subprocess
import sys
import tempfile

from ruamel.yaml import YAML

root = pathlib.Path(__file__).resolve().parents[2]
action = YAML(typ="safe", pure=True).load((root / "action.yml").read_text())
steps = {step["id"]: step for step in action["runs"]["steps"]}
scratch = pathlib.Path(tempfile.mkdtemp(prefix="reconcile-action-"))


def run_step(step_id, env, cwd):
    output = scratch / f"output-{step_id}-{len(list(scratch.iterdir()))}"
    output.write_text("")
    full = dict(os.environ, GITHUB_OUTPUT=str(output), RUNNER_TEMP=str(scratch), GITHUB_ACTIONS="true",
                GITHUB_STEP_SUMMARY=str(scratch / "summary.md"), **env)
    result = subprocess.run(["bash", "-e", "-c", steps[step_id]["run"]], env=full, cwd=cwd, capture_output=True, text=True)
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines() if "=" in line)
    return result, outputs


def check(condition, message):
    if not condition:
        print("FAIL", message)
        sys.exit(1)


binary = os.environ.get("RECONCILE_BIN")
if binary:
    binary = str(pathlib.Path(binary).resolve())
else:
    result, outputs = run_step("build", {}, root)
    check(result.returncode == 0, f"the build step failed:\n{result.stderr}")
    binary = outputs["bin"]
print("reconcile:", subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip())

work = scratch / "repo"
work.mkdir()
(work / "stripe-webhooks.yaml").write_text(
    "version: 1\nworkflows:\n  - name: sync\n    triggers:\n      - event: customer.updated\n        url: https://hooks.example.com/a\n")
common = {"RECONCILE": binary, "CONFIG": "stripe-webhooks.yaml", "PLAN_FILE": "reconcile-plan.json", "ARGS": "--emulator"}

result, outputs = run_step("run", dict(common, MODE="plan"), work)
check(result.returncode == 0, f"plan failed: {result.stdout}{result.stderr}")
check(outputs.get("exit-code") == "2" and outputs.get("changes") == "true", f"plan outputs: {outputs}")
check((work / "reconcile-plan.json").exists(), "no plan file")
check("| create | `sync/customer.updated`" in (work / outputs["markdown-file"]).read_text(), "no markdown plan")

result, outputs = run_step("run", dict(common, MODE="apply"), work)
check(result.returncode == 0, f"apply failed: {result.stdout}{result.stderr}")
check(outputs.get("exit-code") == "2" and outputs.get("changes") == "true", f"apply outputs: {outputs}")

result, outputs = run_step("run", dict(common, MODE="apply"), work)
check(result.returncode == 4 and outputs.get("exit-code") == "4", f"a second apply of the plan: {outputs} {result.stderr}")
check("::error title=reconcile::" in result.stderr and "stale" in result.stderr, f"no stale annotation: {result.stderr}")
check("### reconcile plan" in (scratch / "summary.md").read_text(), "no step summary")
print("action steps: plan (exit 2), apply of the plan (exit 2), second apply refused as stale (exit 4): ok")
