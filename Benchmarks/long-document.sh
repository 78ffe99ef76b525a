#!/usr/bin/env bash
# Time and peak memory of `tidings extract` on single long documents (one JSONL record whose
# text is one line), release build. Appends the figures, with the date and machine, to
# Benchmarks/long-document.txt.
#
#   Benchmarks/long-document.sh [sizes in MB, default "1 10 50"] [zh|en, default zh]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="${1:-1 10 50}"
language="${2:-zh}"
swift build -c release --product tidings >/dev/null
binary="$(swift build -c release --show-bin-path)/tidings"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
figures=Benchmarks/long-document.txt
{
    echo "## $(date -u +%Y-%m-%dT%H:%MZ) $(git rev-parse --short HEAD 2>/dev/null || echo '?') — $(uname -srm), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load $(cut -d' ' -f1 /proc/loadavg)"
    printf "%-8s %-6s %10s %12s %12s %14s\n" size lang seconds "peak RSS MB" "MB/s" "output MB"
} >>"$figures"
for size in $sizes; do
    input="$work/$size.jsonl"
    python3 Benchmarks/make-long-document.py "$size" "$language" >"$input"
    /usr/bin/time -v "$binary" extract "$input" --jobs 1 -o "$work/out.jsonl" 2>"$work/time.txt"
    seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/time.txt")
    out=$(du -m "$work/out.jsonl" | cut -f1)
    rate=$(awk -v s="$seconds" -v z="$size" 'BEGIN { printf "%.2f", z / s }')
    printf "%-8s %-6s %10s %12s %12s %14s\n" "${size}MB" "$language" "$seconds" "$rss" "$rate" "$out" | tee -a "$figures"
done
echo >>"$figures"
