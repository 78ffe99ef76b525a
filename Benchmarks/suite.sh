#!/usr/bin/env bash
# The benchmark suite (release build; never part of `swift test`). One command, one table:
#
#   bash Benchmarks/suite.sh            # full: corpora of 10, 50, 200 MB; single documents of 1, 10, 50 MB
#   SIZES="10" LONG="1" PEER_MB=0.5 bash Benchmarks/suite.sh    # a quicker run
#   BASELINE=/path/to/old/tidings bash Benchmarks/suite.sh       # and an earlier build, same run
#
# Measures, in the same run: tidings extract MB/s and docs/s with --jobs 1 and --jobs 2, peak RSS,
# pack load + compile time, time per stage (from `tidings rules profile`), and the peers over the
# same patterns (`tidings rules export --flat`) and the same text: PCRE2 one pattern at a time
# (flat-bench), Python's `regex` module, and Hyperscan as one database. Writes the table to
# Benchmarks/results/<date>.md as well. Needs: python3 with `regex` and `hyperscan` (pip).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10 50 200"}
LONG=${LONG:-"1 10 50"}
PEER_MB=${PEER_MB:-1}
SEED=${SEED:-2026}
work=.build/bench
mkdir -p "$work" Benchmarks/results

swift build -c release --product tidings >/dev/null
swift build -c release --product flat-bench >/dev/null
bin=.build/release
tidings="$bin/tidings"

# /usr/bin/time's "%e %M": wall seconds and peak RSS in KB.
timed() { /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt"; cat "$work/time.txt"; }
mbps() { python3 -c "print(f'{$1/1e6/$2:.3f}')"; }
rows=()
row() { rows+=("$(printf '| %-34s | %10s | %9s | %9s | %8s | %s |' "$@")"); }

echo "building corpora (seed $SEED)…" >&2
for mb in $SIZES; do
    [ -f "$work/corpus-$mb.jsonl" ] || python3 Benchmarks/make-corpus.py "$mb" --seed "$SEED" > "$work/corpus-$mb.jsonl"
done
first=$(echo "$SIZES" | awk '{print $1}')
base="$work/corpus-$first.jsonl"

# Pack load + compile: extracting one tiny document is almost all of it (best of 3).
echo '{"id": "x", "text": "短文。"}' > "$work/tiny.jsonl"
load=$(for i in 1 2 3; do timed "$tidings" extract "$work/tiny.jsonl" | cut -d' ' -f1; done | sort -n | head -1)
if [ -n "${BASELINE:-}" ]; then
    base_load=$(for i in 1 2 3; do timed "$BASELINE" extract "$work/tiny.jsonl" | cut -d' ' -f1; done | sort -n | head -1)
fi

jobs1_mbps=""
for mb in $SIZES; do
    corpus="$work/corpus-$mb.jsonl"
    bytes=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1], encoding='utf-8')))" "$corpus")
    docs=$(wc -l < "$corpus")
    for jobs in 1 2; do
        [ "$mb" != "$first" ] && [ "$jobs" = 1 ] && continue
        read -r secs rss < <(timed "$tidings" extract "$corpus" --jobs "$jobs" -o "$work/out.jsonl")
        rate=$(mbps "$bytes" "$secs")
        [ "$mb" = "$first" ] && [ "$jobs" = 1 ] && jobs1_mbps=$rate
        [ "$mb" = "$first" ] && [ "$jobs" = 2 ] && jobs2_mbps=$rate
        row "tidings extract, $mb MB, --jobs $jobs" "$rate" "$(python3 -c "print(f'{$docs/$secs:.0f}')")" "$((rss / 1024)) MB" "${secs}s" ""
        # The earlier build on the same corpus, right after: the ratio is this run's.
        if [ -n "${BASELINE:-}" ] && [ "$mb" = "$first" ]; then
            read -r bsecs brss < <(timed "$BASELINE" extract "$corpus" --jobs "$jobs" -o "$work/base-out.jsonl")
            cmp -s "$work/out.jsonl" "$work/base-out.jsonl" && same="same output" || same="OUTPUT DIFFERS"
            row "baseline, $mb MB, --jobs $jobs" "$(mbps "$bytes" "$bsecs")" "$(python3 -c "print(f'{$docs/$bsecs:.0f}')")" "$((brss / 1024)) MB" "${bsecs}s" \
                "this build $(python3 -c "print(f'{$bsecs/$secs:.2f}')")× as fast; $same"
        fi
    done
done

for mb in $LONG; do
    doc="$work/long-$mb.jsonl"
    [ -f "$doc" ] || python3 Benchmarks/make-long-document.py "$mb" zh > "$doc"
    bytes=$(python3 -c "import json,sys; print(len(json.loads(open(sys.argv[1], encoding='utf-8').readline())['text'].encode()))" "$doc")
    read -r secs rss < <(timed "$tidings" extract "$doc" --jobs 1 -o "$work/out.jsonl")
    row "one zh document of $mb MB, --jobs 1" "$(mbps "$bytes" "$secs")" "" "$((rss / 1024)) MB" "${secs}s" ""
done

# Stage shares, from the counters `rules profile` prints (a 2 MB slice of the first corpus).
head -c 2000000 "$base" | sed '$d' > "$work/slice.jsonl"
"$tidings" rules profile --corpus "$work/slice.jsonl" --json > "$work/profile.json"
stages=$(python3 -c "
import json,sys
p=json.load(open(sys.argv[1])); t=sum(p['stages'].values()) or 1
print(', '.join(f\"{k} {100*v/t:.0f}%\" for k,v in p['stages'].items()))" "$work/profile.json")

# Peers over the same patterns and a PEER_MB slice of the same text, with tidings on that slice.
"$tidings" rules export --flat > "$work/flat.tsv" 2>"$work/flat.err"
python3 Benchmarks/make-corpus.py "$PEER_MB" --seed "$SEED" > "$work/peer.jsonl"
peer_bytes=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1], encoding='utf-8')))" "$work/peer.jsonl")
read -r secs rss < <(timed "$tidings" extract "$work/peer.jsonl" --jobs 1 -o "$work/out.jsonl")
slice_mbps=$(mbps "$peer_bytes" "$secs")
row "tidings extract, $PEER_MB MB peer slice, --jobs 1" "$slice_mbps" "" "$((rss / 1024)) MB" "${secs}s" "1.00×"
# How many times the peer's rate tidings runs at (above 1: tidings is faster).
ratio() { python3 -c "print(f'{$slice_mbps/$1:.2f}×' if $1 > 0 else 'n/a')"; }
flat=$("$bin/flat-bench" "$work/flat.tsv" "$work/peer.jsonl")
f_mbps=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['mb_per_s'])" "$flat")
f_note=$(python3 -c "import json,sys; d=json.loads(sys.argv[1]); print(f\"{d['compiled']}/{d['patterns']} patterns; {d['refused']} refused\")" "$flat")
row "PCRE2-JIT, one pattern at a time" "$f_mbps" "" "" "" "$f_note; tidings runs at $(ratio "$f_mbps") its rate"
for peer in regex hyperscan hyperscan-prefilter; do
    out=$(python3 Benchmarks/peers.py "$work/flat.tsv" "$work/peer.jsonl" --only "$peer" || echo '{}')
    p_mbps=$(python3 -c "import json,sys; print(json.loads(sys.argv[1]).get('mb_per_s', 0))" "$out")
    note=$(python3 -c "
import json,sys; d=json.loads(sys.argv[1])
s=f\"{d.get('compiled')}/{d.get('patterns')} patterns, compile {d.get('compile_s')}s\"
if d.get('refused_why'): s += '; refused: ' + ', '.join(f'{k} ×{v}' for k,v in d['refused_why'].items())
print(s)" "$out")
    row "peer: $peer" "$p_mbps" "" "" "" "$note; tidings runs at $(ratio "$p_mbps") its rate"
done

{
    echo "# Benchmark — $(date -u +%Y-%m-%d) — $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
    echo
    echo "| run | MB/s | docs/s | peak RSS | wall | note |"
    echo "|---|---:|---:|---:|---:|---|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "- pack load + compile (extracting one tiny document, best of 3): ${load} s${base_load:+ (baseline ${base_load} s)}"
    echo "- --jobs 2 / --jobs 1 on $first MB: $(python3 -c "print(f'{$jobs2_mbps/$jobs1_mbps:.2f}×')")"
    echo "- stages (rules profile, 2 MB slice): $stages"
    echo "- flat export: $(tail -1 "$work/flat.err")"
} | tee "Benchmarks/results/$(date -u +%Y-%m-%d).md"
