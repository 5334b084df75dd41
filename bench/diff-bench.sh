#!/usr/bin/env bash
# Diff of two versions of a 10,000-line document (release build), as the store makes it for a
# document.changed event: wall time, CPU time (user+sys) and peak RSS of the whole process, from
# /usr/bin/time -v (the process also generates both texts).
# Shapes: rewrite (every line reworded), edits (five edits), heavy (one line in seven reworded, the
# most the edit bound lets through). REFERENCE=1 also runs the n×m table diff used before issue 12.
#   bench/diff-bench.sh [LINES]          targets: under 0.5 s and 50 MB for the rewrite
set -euo pipefail
cd "$(dirname "$0")/.."
lines="${1:-10000}"
bench=$(scripts/build-release.sh docwatch-bench)
printf '%-10s %-9s %8s %8s %12s  %s\n' shape diff wall cpu "peak RSS" result
for shape in rewrite edits heavy; do
    for mode in new ${REFERENCE:+reference}; do
        flag=""; [ "$mode" = reference ] && flag="--reference"
        report=$(mktemp)
        result=$(/usr/bin/time -v "$bench" diff "$shape" --lines "$lines" $flag 2>"$report")
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$report" | awk -F: '{print ($1 * 60) + $2}')
        cpu=$(awk -F': ' '/User time|System time/ {sum += $2} END {printf "%.2f", sum}' "$report")
        rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f MB", $2 / 1024}' "$report")
        rm -f "$report"
        printf '%-10s %-9s %8s %8s %12s  %s\n' "$shape" "$mode" "$wall" "$cpu" "$rss" "${result#*: }"
    done
done
