#!/usr/bin/env bash
# Builds one libFuzzer target and runs it for SECONDS; exits non-zero on a crash, a leak,
# a timeout (an input taking over 10 s) or running out of memory (2 GB).
#
#   scripts/fuzz.sh config 600      # the config loader: bytes -> diagnostics or a config
#   scripts/fuzz.sh emulator 600    # the emulator: bytes -> one request, form decoder included
#   scripts/fuzz.sh json 600        # the client's JSON reader and response models
#
# Built with -sanitize=fuzzer,address (AddressSanitizer finds memory errors and, at exit,
# leaks) into .build-fuzz, apart from the normal build, which never sees the fuzz targets.
# The seed corpus is what the repository already holds (the examples, the invalid-config
# corpus, Fuzz/Corpus/TARGET); inputs the fuzzer finds interesting are kept in
# .build-fuzz/corpus/TARGET between runs, and a failing input is written to
# .build-fuzz/findings/TARGET/ (replay it: .build-fuzz/fuzz-TARGET FILE).
# Needs only the Swift toolchain: its clang runtime carries libFuzzer and the sanitizers.
set -euo pipefail
cd "$(dirname "$0")/.."

target="${1:-}"
seconds="${2:-60}"
case "$target" in
  config | emulator | json) ;;
  *) echo "usage: scripts/fuzz.sh config|emulator|json [SECONDS]" >&2; exit 64 ;;
esac
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "fuzz.sh: SECONDS must be a whole number, got '$seconds'" >&2; exit 64; }

out=.build-fuzz
binary="$out/fuzz-$target"
sanitizers="fuzzer,address"
mkdir -p "$out/corpus/$target" "$out/findings/$target"

# The JSON reader and the emulator's core need only Foundation: their sources are compiled
# together with the harness, as one module, so the harness reaches internal API. The config
# loader needs Yams, so SwiftPM builds it (Package.swift adds the target under RECONCILE_FUZZ).
case "$target" in
  json)
    swiftc -sanitize="$sanitizers" -parse-as-library -O -g -module-name StripeAPI \
      Sources/StripeAPI/Decoding/*.swift Sources/StripeAPI/Models/*.swift Sources/StripeAPI/Errors/StripeErrorBody.swift \
      Fuzz/JSONReader/*.swift -o "$binary"
    seeds=(Fuzz/Corpus/json)
    ;;
  emulator)
    # Everything but the HTTP server and webhook sending (which need Hummingbird,
    # async-http-client and swift-crypto): the request handling, state, catalog and the
    # pure part of deliveries (events, sample objects).
    sources=$(find Sources/StripeEmulator -name '*.swift' -not -path '*/Server/*' | sort |
      grep -v -E '/(WebhookSender|WebhookSignature|WebhookDispatcher[^/]*)\.swift$')
    # shellcheck disable=SC2086
    swiftc -sanitize="$sanitizers" -parse-as-library -O -g -module-name StripeEmulator \
      $sources Fuzz/Emulator/*.swift -o "$binary"
    seeds=(Fuzz/Corpus/emulator)
    ;;
  config)
    # SwiftPM's own folder inside .build-fuzz: it manages an `artifacts` folder of its own.
    RECONCILE_FUZZ=1 swift build -c release --scratch-path "$out/swiftpm" --product fuzz-config \
      -Xswiftc -sanitize="$sanitizers" -Xswiftc -parse-as-library -Xswiftc -g >&2
    cp "$out/swiftpm/release/fuzz-config" "$binary"
    seeds=(examples Tests/ReconcileCoreTests/Invalid Fuzz/Corpus/config)
    ;;
esac

echo "fuzz.sh: running $target for ${seconds}s" >&2
# -timeout: one input over 10 s is a hang; -rss_limit_mb: growing past 2 GB is a leak or
# an unbounded structure; -max_len: inputs up to 64 KiB (larger ones are tested by hand:
# the 1 MiB config limit, the emulator's 413).
set +e
ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1" "$binary" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$out/findings/$target/" \
  "$out/corpus/$target" "${seeds[@]}"
status=$?
set -e
if [ "$status" -ne 0 ]; then
  echo "fuzz.sh: $target FAILED (exit $status); the input is in $out/findings/$target/" >&2
fi
exit "$status"
