#!/bin/sh
# bench/run.sh — `make bench`: times every bench/programs/*.js under tickscope
# (`trace run -o /dev/null`: the trace is written, to /dev/null) and under
# `node --jitless` in the same run on the same machine, best of N runs each, and prints
# the ratio tickscope/node. Ratios, not absolute times, are what bench/RESULTS.md
# records. Timings never enter `make check`.
#
# The time is CPU time (user + system, from GNU time) when /usr/bin/time exists, which
# stays meaningful on a loaded machine; else wall time. RUNS=N (default 5) sets the
# number of runs, TRACE=path the binary (default ./trace), NODE=path node.
set -u
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
TRACE=${TRACE:-./trace}
NODE=${NODE:-node}
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
if [ -x /usr/bin/time ]; then clock=cpu; else clock=wall; fi

best_ms() { # command...: best time of $RUNS runs, in ms; "fail" when it fails
    best=""
    i=0
    while [ $i -lt "$RUNS" ]; do
        if [ "$clock" = cpu ]; then
            /usr/bin/time -o "$tmp" -f '%U %S' "$@" >/dev/null 2>&1 || { echo fail; return; }
            ms=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$tmp")
        else
            t0=$(date +%s%N)
            "$@" >/dev/null 2>&1 || { echo fail; return; }
            t1=$(date +%s%N)
            ms=$(( (t1 - t0) / 1000000 ))
        fi
        if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
        i=$((i + 1))
    done
    echo "$best"
}

echo "clock: $clock time, best of $RUNS; $("$TRACE" --version 2>/dev/null | head -n 1);" \
     "node $("$NODE" --version 2>/dev/null) --jitless"
printf '%-14s %12s %14s %8s\n' program tickscope_ms node_jitless_ms ratio
for f in bench/programs/*.js; do
    name=$(basename "$f" .js)
    ours=$(best_ms "$TRACE" run -o /dev/null "$f")
    ref=$(best_ms "$NODE" --jitless "$f")
    if [ "$ours" = fail ] || [ "$ref" = fail ]; then
        printf '%-14s %12s %14s %8s\n' "$name" "$ours" "$ref" "-"
    else
        ratio=$(awk -v a="$ours" -v b="$ref" 'BEGIN { if (b == 0) b = 1; printf "%.2f", a / b }')
        printf '%-14s %12s %14s %8s\n' "$name" "$ours" "$ref" "$ratio"
    fi
done
