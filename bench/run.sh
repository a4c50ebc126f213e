#!/bin/sh
# bench/run.sh — `make bench`: times every bench/programs/*.js under tickscope
# (`trace run -o /dev/null`) and under `node --jitless` in the same run on the same
# machine, best of N runs each, and prints the ratio tickscope/node. Ratios, not
# absolute times, are what bench/RESULTS.md records. Timings never enter `make check`.
set -u
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
TRACE=${TRACE:-./trace}

best_ms() { # command...: best wall time of $RUNS runs, in ms; "fail" when it fails
    best=""
    i=0
    while [ $i -lt "$RUNS" ]; do
        t0=$(date +%s%N)
        "$@" >/dev/null 2>&1 || { echo fail; return; }
        t1=$(date +%s%N)
        ms=$(( (t1 - t0) / 1000000 ))
        if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
        i=$((i + 1))
    done
    echo "$best"
}

printf '%-14s %12s %14s %8s\n' program tickscope_ms node_jitless_ms ratio
for f in bench/programs/*.js; do
    name=$(basename "$f" .js)
    ours=$(best_ms "$TRACE" run -o /dev/null "$f")
    ref=$(best_ms node --jitless "$f")
    if [ "$ours" = fail ] || [ "$ref" = fail ]; then
        printf '%-14s %12s %14s %8s\n' "$name" "$ours" "$ref" "-"
    else
        ratio=$(awk -v a="$ours" -v b="$ref" 'BEGIN { if (b == 0) b = 1; printf "%.2f", a / b }')
        printf '%-14s %12s %14s %8s\n' "$name" "$ours" "$ref" "$ratio"
    fi
done
