#!/bin/sh
# bench/analyzer/run.sh — analyzer throughput on generated traces: load time and peak
# memory of each command on traces of 10k, 100k and 1M events, and Graphviz rendering
# time against the number of nodes drawn. The traces come from the seeded generator
# behind the hidden test hook `trace validate --generate SEED N` (formats/trace_gen.h):
# every event kind and field, the same bytes on every machine for a seed.
#
# Usage: sh bench/analyzer/run.sh [--update] [SIZES...]
#   TRACE_BIN   the binary to measure (default ./trace; use a release build)
#   --update    also write the tables into bench/RESULTS.md, replacing only the section
#               between the "analyzer" markers (the file and its other sections are kept;
#               it is created when missing)
#   SIZES       event counts (default: 10000 100000 1000000)
# Measures with /usr/bin/time -v (GNU time): wall-clock seconds and maximum resident set
# size. Timings are of one run each, on this machine: compare them as ratios, not as
# absolute numbers.
set -u
cd "$(dirname "$0")/../.." || exit 1
: "${TRACE_BIN:=./trace}"
update=0
if [ "${1:-}" = "--update" ]; then update=1; shift; fi
sizes=${*:-10000 100000 1000000}
if [ ! -x /usr/bin/time ]; then echo "bench/analyzer: needs GNU time at /usr/bin/time" >&2; exit 1; fi
if [ ! -x "$TRACE_BIN" ]; then echo "bench/analyzer: no binary at $TRACE_BIN" >&2; exit 1; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=$tmp/results.md

# measure LABEL CMD... : appends "| LABEL | wall s | CPU s | MB |" to $tmp/rows
measure() {
    label=$1; shift
    /usr/bin/time -v -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err"
    st=$?
    secs=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/time" |
        awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
    cpu=$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { t += $2 }
        END { printf "%.2f", t }' "$tmp/time")
    kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/time")
    mb=$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')
    note=""
    [ "$st" -ne 0 ] && note=" (exit $st: $(head -n 1 "$tmp/err"))"
    printf '| %s | %s | %s | %s |%s\n' "$label" "$secs" "$cpu" "$mb" "$note" >>"$tmp/rows"
    printf '  %-48s %8ss wall %7ss CPU %8s MB%s\n' "$label" "$secs" "$cpu" "$mb" "$note" >&2
}

{
    echo "Machine: $(uname -sm), $(nproc) CPU(s), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM;"
    echo "binary: \`$TRACE_BIN\` ($($TRACE_BIN --version 2>/dev/null)); generated with \`trace validate --generate SEED N\`."
    echo "One run per cell; wall = elapsed seconds, CPU = user + system seconds (the better"
    echo "figure on a busy machine), MB = peak resident set size (GNU time)."
    echo "Load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    echo "| trace | file size | jobs | output lines |"
    echo "|---|---|---|---|"
} >"$out"

: >"$tmp/rows"
for n in $sizes; do
    f=$tmp/gen-$n.yaml
    "$TRACE_BIN" validate --generate 1 "$n" >"$f" || exit 1
    "$TRACE_BIN" validate --generate 2 "$n" >"$tmp/gen2-$n.yaml" || exit 1
    size=$(du -h "$f" | cut -f1)
    jobs=$("$TRACE_BIN" stats "$f" | sed -n 's/^jobs: *\([0-9]*\) enqueued.*/\1/p')
    lines=$("$TRACE_BIN" log "$f" 2>&1 | wc -l)
    echo "| $n events | $size | $jobs | $lines |" >>"$out"
    echo "$n events ($size, $jobs jobs):" >&2
    measure "$n: validate (reader only)" "$TRACE_BIN" validate "$f"
    measure "$n: stats (load + summary)" "$TRACE_BIN" stats "$f"
    measure "$n: log" "$TRACE_BIN" log "$f"
    measure "$n: graph -T dot --max-nodes 500" "$TRACE_BIN" graph -T dot --max-nodes 500 "$f"
    measure "$n: graph -T dot (every job, no layout)" "$TRACE_BIN" graph -T dot "$f" -o "$tmp/g.dot"
    measure "$n: graph -T svg --max-nodes 500 (layout)" "$TRACE_BIN" graph -T svg --max-nodes 500 "$f" -o "$tmp/g.svg"
    measure "$n: timeline -T svg (every job)" "$TRACE_BIN" timeline "$f" -o "$tmp/t.svg"
    measure "$n: export --format chrome" "$TRACE_BIN" export --format chrome "$f" -o "$tmp/c.json"
    measure "$n: why #1 #last" "$TRACE_BIN" why "$f" "#1" "#$lines"
    measure "$n: diff --json (seed 1 vs seed 2)" "$TRACE_BIN" diff --json "$f" "$tmp/gen2-$n.yaml" -o "$tmp/d.json"
    rm -f "$tmp/g.dot" "$tmp/g.svg" "$tmp/t.svg" "$tmp/c.json" "$tmp/d.json"
done
{
    echo
    echo "| command | wall s | CPU s | peak MB |"
    echo "|---|---|---|---|"
    cat "$tmp/rows"
} >>"$out"

# Graphviz layout and rendering against the number of nodes drawn: each count is measured
# as -T svg (layout + render) and as -T dot (the same graph, no layout); the difference
# of their CPU times is what Graphviz spends.
n=100000
f=$tmp/gen-$n.yaml
[ -f "$f" ] || "$TRACE_BIN" validate --generate 1 "$n" >"$f"
echo "graph rendering ($n-event trace):" >&2
printf '' >"$tmp/render"
for nodes in 50 100 200 400 800 1600 3200; do
    : >"$tmp/rows"
    measure "dot $nodes" "$TRACE_BIN" graph -T dot --max-nodes "$nodes" "$f" -o "$tmp/g.dot"
    measure "svg $nodes" "$TRACE_BIN" graph -T svg --max-nodes "$nodes" "$f" -o "$tmp/g.svg"
    drawn=$(grep -c 'class="node"' "$tmp/g.svg" 2>/dev/null || echo 0)
    edges=$(grep -c 'class="edge' "$tmp/g.svg" 2>/dev/null || echo 0)
    awk -F' [|] ' -v nodes="$nodes" -v drawn="$drawn" -v edges="$edges" '
        NR == 1 { dcpu = $3 }
        NR == 2 { mb = $4; sub(/ *[|].*/, "", mb)
                  printf "| %s | %s | %s | %s | %s | %.2f | %s |\n", nodes, drawn, edges, $2, $3, $3 - dcpu, mb }
    ' "$tmp/rows" >>"$tmp/render"
done
{
    echo
    echo "Graph rendering (dot layout + SVG, in-process Graphviz) on the $n-event trace;"
    echo "Graphviz CPU = CPU of -T svg minus CPU of -T dot for the same graph (loading and"
    echo "building the graph are the rest):"
    echo
    echo "| --max-nodes | nodes drawn | edges drawn | wall s | CPU s | Graphviz CPU s | peak MB |"
    echo "|---|---|---|---|---|---|---|"
    cat "$tmp/render"
} >>"$out"

cat "$out"
if [ "$update" -eq 1 ]; then
    res=bench/RESULTS.md
    [ -f "$res" ] || printf '# Benchmark results\n\nFigures measured on the machine named in each section.\n' >"$res"
    awk -v body="$out" '
        /^<!-- BEGIN analyzer/ { skip = 1; next }
        /^<!-- END analyzer/ { skip = 0; next }
        /^## Analyzer$/ { drop = 1; next }
        drop && /^## / { drop = 0 }
        !skip && !drop { print }
    ' "$res" >"$tmp/res"
    # drop trailing blank lines, then append the section
    sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$tmp/res" >"$res"
    {
        echo
        echo "## Analyzer"
        echo
        echo "<!-- BEGIN analyzer (written by bench/analyzer/run.sh --update; edits are lost) -->"
        echo
        cat "$out"
        echo
        echo "<!-- END analyzer -->"
    } >>"$res"
    echo "bench/analyzer: updated $res" >&2
fi
