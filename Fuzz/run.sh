#!/usr/bin/env bash
# Builds the libFuzzer targets (address sanitizer on) and runs each for a set time.
#
#   Fuzz/run.sh [seconds per target, default 60] [target …]
#
# Targets: jsonl-reader segmenter normalizers pack-loader extraction (all by default). Seeds come
# from Tests/Fixtures/fuzz/<target>; the growing corpus lives in .build-fuzz/corpus/<target>,
# crashes, hangs (-timeout) and leaks in .build-fuzz/artifacts/<target>. Exit status 1 when a target
# found something. Runs one target at a time, niced, so it can share the machine.
# Built with -c release (optimised, preconditions and overflow checks kept) for more executions a
# second. Leak detection is off: what it reported was inside Foundation's
# FileManager.contents(atPath:) on an empty file, and the pack kept in a global at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
# 0 skips fuzzing (libFuzzer would read -max_total_time=0 as "forever").
if [ "$seconds" = 0 ]; then echo "fuzzing skipped (0 seconds)"; exit 0; fi
targets=("$@")
# A fixed mutation seed makes a run repeatable (CI's finds what the same run here finds);
# TIDINGS_FUZZ_SEED=0 lets libFuzzer pick one.
seed="${TIDINGS_FUZZ_SEED:-1}"
[ ${#targets[@]} -gt 0 ] || targets=(jsonl-reader segmenter normalizers pack-loader extraction)

scratch=.build-fuzz
# Leak checking at exit reports the shipped pack the targets keep in a global (reachable, but
# through storage LeakSanitizer cannot follow); crashes, overflows and hangs are what is looked for.
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
# Swift's own crash handler would catch the signal first, and AddressSanitizer then reports its
# memory reads ("unknown-crash in memserver_read") instead of the crash: let libFuzzer's handler
# print the stack.
export SWIFT_BACKTRACE=enable=no
TIDINGS_FUZZ=1 swift build -c release --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address \
    $(printf -- '--product fuzz-%s ' "${targets[0]}") >/dev/null
for target in "${targets[@]:1}"; do
    TIDINGS_FUZZ=1 swift build -c release --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address --product "fuzz-$target" >/dev/null
done

status=0
for target in "${targets[@]}"; do
    corpus="$scratch/corpus/$target"
    artifacts="$scratch/artifacts/$target"
    mkdir -p "$corpus" "$artifacts"
    log="$scratch/fuzz-$target.log"
    # A whole document may be long; the other inputs are small pieces of text.
    maxlen=4096
    [ "$target" = extraction ] && maxlen=16384
    echo "fuzz-$target: ${seconds}s (log $log)"
    if ! nice -n 10 "$scratch/release/fuzz-$target" "$corpus" "Tests/Fixtures/fuzz/$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$maxlen" -seed="$seed" \
        -artifact_prefix="$artifacts/" -print_final_stats=1 -detect_leaks=0 >"$log" 2>&1; then
        echo "fuzz-$target FOUND A PROBLEM:"; grep -E "ERROR|SUMMARY|Fatal error|deadly signal|^ +#[0-9]+ |artifact" "$log" | head -40
        # The input itself, so a finding on another machine can be repeated here.
        for crash in "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-*; do
            [ -f "$crash" ] || continue
            echo "  input $crash ($(wc -c <"$crash") bytes), base64:"
            head -c 8192 "$crash" | base64 -w 100 | sed "s/^/    /"
        done
        status=1
    fi
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$log" | sed "s/^/  /"
done
exit $status
