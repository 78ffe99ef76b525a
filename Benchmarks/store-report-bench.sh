#!/usr/bin/env bash
# Store and report benchmark (release build): rows stored per second, and the time to report on
# 10,000 events, through the library (store-bench) and through the command line.
#   Benchmarks/store-report-bench.sh [events]      (default 10000)
# Figures go to standard output; Benchmarks/store-report-results.md keeps the last recorded ones.
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

nice -n 10 swift build -c release --product tidings >/dev/null
nice -n 10 swift build -c release --product store-bench >/dev/null
bin="$(swift build -c release --show-bin-path)"

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# Records of the sample corpus, then copies of them up to $events events, stored batch by batch.
"$bin/tidings" extract Examples/sample-corpus.jsonl -o "$work/records.jsonl"
nice -n 10 "$bin/store-bench" "$work/records.jsonl" --events "$events" --db "$work/bench.sqlite"

# The command line on the same store: process start, load, link, render, write.
for format in md html; do
    start=$(date +%s.%N)
    nice -n 10 "$bin/tidings" report --db "$work/bench.sqlite" --format "$format" -o "$work/report.$format"
    end=$(date +%s.%N)
    printf 'tidings report --db (%s events) --format %s: %.2f s, %d KB\n' "$events" "$format" "$(echo "$end - $start" | bc)" "$(( $(stat -c %s "$work/report.$format") / 1024 ))"
done

# End to end: extract --db on a corpus of the samples repeated (storage included), against extract alone.
copies=$(( events / 20 ))
python3 - "$copies" "$work/corpus.jsonl" <<'PY'
import json, sys
copies, out = int(sys.argv[1]), sys.argv[2]
docs = [json.loads(l) for l in open("Examples/sample-corpus.jsonl", encoding="utf-8")]
with open(out, "w", encoding="utf-8") as f:
    for c in range(copies):
        for d in docs:
            f.write(json.dumps(dict(d, id=f"{d['id']}-{c}"), ensure_ascii=False) + "\n")
PY
docs=$(wc -l < "$work/corpus.jsonl")
start=$(date +%s.%N); nice -n 10 "$bin/tidings" extract "$work/corpus.jsonl" -o /dev/null; mid=$(date +%s.%N)
nice -n 10 "$bin/tidings" extract "$work/corpus.jsonl" --db "$work/e2e.sqlite" 2>/dev/null; end=$(date +%s.%N)
printf 'extract %d documents: %.2f s alone, %.2f s with --db\n' "$docs" "$(echo "$mid - $start" | bc)" "$(echo "$end - $mid" | bc)"
