#!/usr/bin/env bash
# Offline checks of the files CI systems and editors read, with validators independent
# of reconcile: action.yml and the example pipelines against GitHub's and GitLab's
# schemas, .pre-commit-hooks.yaml's shape, and schema/reconcile.schema.json against the
# examples and the invalid corpus. Needs: pip install check-jsonschema jsonschema pre-commit
set -euo pipefail
cd "$(dirname "$0")/../.."

check-jsonschema --builtin-schema vendor.github-actions action.yml
check-jsonschema --builtin-schema vendor.github-workflows examples/ci/github-actions.yml
check-jsonschema --builtin-schema vendor.gitlab-ci examples/ci/gitlab-ci.yml
pre-commit validate-manifest .pre-commit-hooks.yaml
python3 Tests/ci-files/schema_check.py
