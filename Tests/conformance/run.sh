#!/usr/bin/env bash
# Runs conformance.py (Stripe's official Python SDK) against a live `reconcile emulator`.
# Assumes `swift build` already ran. Usable from any folder, without a terminal.
set -euo pipefail
cd "$(dirname "$0")/../.."

bin="$(swift build --show-bin-path)/reconcile"
if [ ! -x "$bin" ]; then
  echo "conformance: $bin not found; run swift build first" >&2
  exit 1
fi

work="$(mktemp -d)"
emulator_pid=""
cleanup() {
  if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The SDK's requests arrive faster than Stripe's 25/s test-mode limit; the rate limiter
# has its own tests, and the script checks 429 handling through injected faults.
"$bin" emulator --port 0 --state "$work/state.json" --no-rate-limit >"$work/stdout" 2>"$work/stderr" </dev/null &
emulator_pid=$!

address=""
for _ in $(seq 1 100); do
  if [ -s "$work/stdout" ]; then
    address="$(head -n 1 "$work/stdout" | sed -n 's/^reconcile emulator listening on //p')"
    [ -n "$address" ] && break
  fi
  if ! kill -0 "$emulator_pid" 2>/dev/null; then break; fi
  sleep 0.1
done
if [ -z "$address" ]; then
  echo "conformance: the emulator did not start" >&2
  cat "$work/stderr" >&2
  exit 1
fi

venv="${CONFORMANCE_VENV:-.build/conformance-venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q --disable-pip-version-check stripe </dev/null

status=0
"$venv/bin/python" Tests/conformance/conformance.py "$address" || status=1
# Webhook deliveries, verified by the SDK's own `stripe.Webhook.construct_event`.
"$venv/bin/python" Tests/conformance/webhooks.py "$address" "$bin" || status=1
exit "$status"
