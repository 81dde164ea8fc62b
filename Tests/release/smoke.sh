#!/usr/bin/env bash
# Tries a release tarball as someone without Swift would: checks it against its .sha256,
# unpacks it in an empty folder, and runs `reconcile --version`, `reconcile validate` and
# `reconcile --emulator` with a PATH that holds no Swift. Also checks that the binary
# needs nothing from Swift, Foundation, libcurl or libyaml.
#   Tests/release/smoke.sh dist/reconcile-VERSION-linux-ARCH.tar.gz
set -euo pipefail
tarball="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
examples="$(cd "$(dirname "$0")/../../examples" && pwd)"
fail() { echo "release smoke: $*" >&2; exit 1; }

empty="$(mktemp -d)"
trap 'rm -rf "$empty"' EXIT
cp "$tarball" "$tarball.sha256" "$empty/"
cd "$empty"
sha256sum -c "$(basename "$tarball").sha256" >/dev/null || fail "the checksum does not match"
tar -xzf "$(basename "$tarball")"
folder="$(basename "$tarball" .tar.gz)"
bin="$empty/$folder/reconcile"
[ -x "$bin" ] || fail "$folder/reconcile is missing from the tarball"

if ldd "$bin" | grep -E -i 'swift|foundation|curl|yaml|icu'; then
  fail "the binary links the libraries above, which a machine without Swift lacks"
fi

run() { env -i HOME="$empty" PATH=/usr/bin:/bin "$@"; }
! run sh -c 'command -v swift' >/dev/null || fail "swift is on the PATH the smoke test uses"

run "$bin" --version | grep -E '^reconcile [0-9]+\.[0-9]+\.[0-9]+.* \(stripe api [0-9]{4}-[0-9]{2}-[0-9]{2}' >/dev/null \
  || fail "--version printed: $(run "$bin" --version 2>&1)"
cp "$examples/mesa-store.yaml" stripe-webhooks.yaml
run "$bin" validate >/dev/null || fail "validate failed"
first="$(run "$bin" --emulator 2>progress)" || fail "the first --emulator run failed: $first $(cat progress)"
echo "$first" | grep -q '^Plan: .* to create' || fail "the first --emulator run printed: $first"
second="$(run "$bin" --emulator 2>progress)" || fail "the second --emulator run failed: $second $(cat progress)"
echo "$second" | grep -q '^Plan: 0 to create, 0 to update, 0 to replace, 0 to delete, 0 to adopt' || fail "the second --emulator run planned changes: $second"
echo "release smoke: $folder ok ($(du -h "$bin" | cut -f1) unpacked): --version, validate, --emulator twice"
