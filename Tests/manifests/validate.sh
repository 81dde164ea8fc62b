#!/usr/bin/env bash
# Checks the deployment examples offline: every Kubernetes manifest under examples/
# against the API schemas (kubernetes-validate, from PyPI, strict: an unknown field
# fails), and the systemd unit with `systemd-analyze verify` where systemd is there.
# The GitHub Actions workflow of examples/scale-out is not a Kubernetes manifest and is
# left out. Run from anywhere; CI runs it after the tests.
set -euo pipefail
cd "$(dirname "$0")/../.."

venv=.build/manifests-venv
if [ ! -x "$venv/bin/kubernetes-validate" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet kubernetes-validate
fi

manifests=(examples/deploy/kubernetes/*.yaml examples/scale-out/indexed-job.yaml)
"$venv/bin/kubernetes-validate" --strict --quiet "${manifests[@]}"
echo "kubernetes-validate: ${#manifests[@]} files valid"

unit=examples/deploy/reconcile.service
if command -v systemd-analyze >/dev/null 2>&1; then
  # verify checks that ExecStart's program exists: point it at a program this machine has,
  # in a copy, so the check is about the unit's syntax and settings.
  folder=$(mktemp -d)
  trap 'rm -rf "$folder"' EXIT
  sed "s|/usr/local/bin/reconcile|/bin/true|" "$unit" > "$folder/reconcile.service"
  output=$(systemd-analyze verify "$folder/reconcile.service" 2>&1 || true)
  # Warnings about the host's own units are not ours; anything naming our unit is.
  if grep -q "reconcile.service" <<<"$output"; then
    echo "$output" >&2
    exit 1
  fi
  echo "systemd-analyze verify: $unit valid"
else
  echo "systemd-analyze not found: $unit not verified"
fi
