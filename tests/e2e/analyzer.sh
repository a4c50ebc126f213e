#!/bin/sh
# tests/e2e/analyzer.sh — the analyzer's commands end to end (log, stats, graph,
# timeline) on the fixture traces: golden text outputs, well-formed SVG with one
# element per job, png/pdf magic, and the error contract of every command: misuse is
# exit 2, an unreadable file exit 3, a malformed trace exit 1 with FILE:LINE:COL.
#
# Golden files live in tests/golden/analyzer/ (NAME.stats, NAME.dot, NAME.out/.err);
# the hand-written traces they come from in tests/golden/analyzer/traces/. After a
# deliberate change of output, regenerate them with
#     UPDATE_GOLDEN=1 sh tests/e2e/analyzer.sh
# and review the diff.
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/../.." || exit 1
# Graphviz and fontconfig leak by design; under ASan only those two are suppressed.
LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export LSAN_OPTIONS

G=tests/golden/analyzer
TR=$G/traces
FIXTURE=tests/traces/seed_async_order.es2019.yaml

# golden NAME GOLDEN-FILE STREAM -- CMD...: CMD exits 0 and its stdout (STREAM=out) or
# stderr (err) equals GOLDEN-FILE.
golden() {
    name=$1; file=$2; stream=$3; shift 4
    "$@" >"$T_TMP/out" 2>"$T_TMP/err"
    st=$?
    if [ "$st" -ne 0 ]; then
        fail "$name: exit status $st"; sed 's/^/  | /' "$T_TMP/err" | head -n 5; return
    fi
    if [ -n "${UPDATE_GOLDEN:-}" ]; then
        cp "$T_TMP/$stream" "$file"; echo "updated $file"; pass; return
    fi
    if [ ! -f "$file" ]; then fail "$name: no golden file $file"; return; fi
    expect_same "$name" "$file" "$T_TMP/$stream"
}

# well_formed NAME FILE: an XML parser accepts FILE.
well_formed() {
    if python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$2" \
        2>"$T_TMP/xmlerr"; then pass; else
        fail "$1: not well-formed XML"; sed 's/^/  | /' "$T_TMP/xmlerr" | tail -n 3
    fi
}

# count_is NAME WANT GOT
count_is() {
    if [ "$2" -eq "$3" ]; then pass; else fail "$1: $3, expected $2"; fi
}

# magic NAME FILE HEX: FILE starts with the bytes HEX (e.g. 89504e47).
magic() {
    got=$(od -An -tx1 -N4 "$2" 2>/dev/null | tr -d ' \n')
    if [ "$got" = "$3" ]; then pass; else fail "$1: starts with '$got', expected $3"; fi
}

# jobs_ran TRACE: the number of jobs that ran, from `trace stats`.
jobs_ran() {
    "$TRACE_BIN" stats "$1" | sed -n 's/^jobs: *[0-9]* enqueued, \([0-9]*\) ran.*/\1/p'
}
jobs_enqueued() {
    "$TRACE_BIN" stats "$1" | sed -n 's/^jobs: *\([0-9]*\) enqueued.*/\1/p'
}

# ---- golden text outputs ------------------------------------------------------------

for t in stuck chain output; do
    golden "stats $t" "$G/$t.stats" out -- "$TRACE_BIN" stats "$TR/$t.yaml"
    golden "graph dot $t" "$G/$t.dot" out -- "$TRACE_BIN" graph -T dot "$TR/$t.yaml"
done
golden "graph --max-nodes folds chains and repeated subtrees" "$G/chain.max8.dot" out -- \
    "$TRACE_BIN" graph --max-nodes 8 "$TR/chain.yaml"
golden "graph --focus keeps ancestors and descendants" "$G/chain.focus.dot" out -- \
    "$TRACE_BIN" graph --focus "deep end" "$TR/chain.yaml"
golden "graph --kinds reconnects through hidden jobs" "$G/chain.kinds.dot" out -- \
    "$TRACE_BIN" graph --kinds Script,PromiseReactionJob,nextTick "$TR/chain.yaml" -T dot
golden "graph --from/--to by tick" "$G/chain.ticks.dot" out -- \
    "$TRACE_BIN" graph --from 2 --to tick:3 "$TR/chain.yaml"
golden "log stdout" "$G/output.out" out -- "$TRACE_BIN" log "$TR/output.yaml"
golden "log stderr" "$G/output.err" err -- "$TRACE_BIN" log "$TR/output.yaml"
golden "log of a truncated trace warns" "$G/truncated.err" err -- \
    "$TRACE_BIN" log "$TR/truncated.yaml"
expect_status 0 "log of a truncated trace" -- "$TRACE_BIN" log "$TR/truncated.yaml"
expect_grep out "before the kill" "log of a truncated trace prints the readable prefix"

if [ -f "$FIXTURE" ]; then
    golden "stats of the seed fixture" "$G/seed_async_order.es2019.stats" out -- \
        "$TRACE_BIN" stats "$FIXTURE"
    golden "graph dot of the seed fixture" "$G/seed_async_order.es2019.dot" out -- \
        "$TRACE_BIN" graph -T dot "$FIXTURE"
    golden "log of the seed fixture" "$G/seed_async_order.es2019.out" out -- \
        "$TRACE_BIN" log "$FIXTURE"
else
    fail "fixture $FIXTURE is missing"
fi

# ---- pictures -----------------------------------------------------------------------

for t in "$TR/stuck.yaml" "$TR/chain.yaml" "$TR/output.yaml" "$FIXTURE"; do
    [ -f "$t" ] || continue
    n=$(basename "$t" .yaml)
    ran=$(jobs_ran "$t"); all=$(jobs_enqueued "$t")
    if "$TRACE_BIN" timeline "$t" -o "$T_TMP/$n.tl.svg" 2>"$T_TMP/err"; then
        well_formed "timeline $n" "$T_TMP/$n.tl.svg"
        count_is "timeline $n: one job group per job that ran" "$ran" \
            "$(grep -c '<g class="job ' "$T_TMP/$n.tl.svg")"
    else
        fail "timeline $n: exit status $?"; sed 's/^/  | /' "$T_TMP/err" | head -n 3
    fi
    if "$TRACE_BIN" graph "$t" -T svg -o "$T_TMP/$n.svg" 2>"$T_TMP/err"; then
        well_formed "graph svg $n" "$T_TMP/$n.svg"
        count_is "graph svg $n: one node per job" "$all" \
            "$(grep -c '<g id="job[0-9]*" class="node"' "$T_TMP/$n.svg")"
    else
        fail "graph svg $n: exit status $?"; sed 's/^/  | /' "$T_TMP/err" | head -n 3
    fi
done

# The format follows -o's extension; png and pdf are real pictures.
expect_status 0 "graph -o x.png" -- "$TRACE_BIN" graph "$TR/stuck.yaml" -o "$T_TMP/g.png"
magic "graph png" "$T_TMP/g.png" 89504e47
expect_status 0 "graph -T pdf" -- "$TRACE_BIN" graph -T pdf -o "$T_TMP/g.pdf" "$TR/stuck.yaml"
magic "graph pdf" "$T_TMP/g.pdf" 25504446
expect_status 0 "timeline -T png" -- \
    "$TRACE_BIN" timeline -T png "$TR/stuck.yaml" -o "$T_TMP/t.png"
magic "timeline png" "$T_TMP/t.png" 89504e47
expect_status 0 "timeline -o x.pdf" -- "$TRACE_BIN" timeline "$TR/stuck.yaml" -o "$T_TMP/t.pdf"
magic "timeline pdf" "$T_TMP/t.pdf" 25504446
expect_status 0 "graph png to a pipe" -- \
    sh -c "'$TRACE_BIN' graph -T png '$TR/stuck.yaml' | cat >'$T_TMP/p.png'"
magic "graph png to a pipe" "$T_TMP/p.png" 89504e47
expect_status 0 "timeline to stdout" -- "$TRACE_BIN" timeline "$TR/output.yaml"
expect_grep out "<svg" "timeline writes svg to stdout by default"
expect_grep out "&lt;b&gt;&amp;amp;&lt;/b&gt;" "timeline escapes program output"
expect_status 0 "graph to stdout" -- "$TRACE_BIN" graph "$TR/output.yaml"
expect_grep out "digraph causality" "graph writes dot to stdout by default"
expect_status 1 "graph --focus with no match" -- \
    "$TRACE_BIN" graph --focus "no such line" "$TR/chain.yaml"
expect_grep err "no job that printed" "graph --focus with no match says so"
if command -v script >/dev/null 2>&1; then
    script -qec "'$TRACE_BIN' graph -T png '$TR/stuck.yaml'" /dev/null >"$T_TMP/tty" 2>&1
    grep -q "not writing binary output to a terminal" "$T_TMP/tty" && pass ||
        fail "graph -T png refuses a terminal"
fi

# ---- errors -------------------------------------------------------------------------

for cmd in log stats graph timeline; do
    expect_status 2 "$cmd without a trace" -- "$TRACE_BIN" $cmd
    expect_grep err "usage: trace $cmd" "$cmd without a trace prints the usage"
    expect_status 2 "$cmd with an unknown option" -- \
        "$TRACE_BIN" $cmd --frobnicate "$TR/stuck.yaml"
    expect_grep err "unknown option '--frobnicate'" "$cmd names the unknown option"
    expect_status 2 "$cmd with two traces" -- \
        "$TRACE_BIN" $cmd "$TR/stuck.yaml" "$TR/chain.yaml"
    expect_status 3 "$cmd of a missing file" -- "$TRACE_BIN" $cmd "$T_TMP/missing.yaml"
    expect_grep err "$T_TMP/missing.yaml" "$cmd names the missing file"
    expect_status 3 "$cmd of a directory" -- "$TRACE_BIN" $cmd "$T_TMP"
    expect_status 1 "$cmd of a malformed trace" -- "$TRACE_BIN" $cmd "$TR/malformed.yaml"
    expect_grep err "$TR/malformed.yaml:12:" "$cmd reports FILE:LINE:COL of a YAML error"
    expect_status 1 "$cmd of an inconsistent trace" -- "$TRACE_BIN" $cmd "$TR/dangling.yaml"
    expect_grep err "$TR/dangling.yaml:12:26: job: unknown job 2" \
        "$cmd reports a dangling job id"
done
for cmd in graph timeline; do
    expect_status 2 "$cmd -T jpeg" -- "$TRACE_BIN" $cmd -T jpeg "$TR/stuck.yaml"
    expect_grep err "unknown format 'jpeg'" "$cmd names the unknown format"
    expect_status 2 "$cmd -o without a file" -- "$TRACE_BIN" $cmd "$TR/stuck.yaml" -o
    expect_status 3 "$cmd -o into a missing directory" -- \
        "$TRACE_BIN" $cmd "$TR/stuck.yaml" -o "$T_TMP/no/such/dir/x.svg"
done
expect_status 2 "timeline -T dot" -- "$TRACE_BIN" timeline -T dot "$TR/stuck.yaml"
expect_status 2 "graph --max-nodes 0" -- "$TRACE_BIN" graph --max-nodes 0 "$TR/stuck.yaml"
expect_status 2 "graph --max-nodes x" -- "$TRACE_BIN" graph --max-nodes x "$TR/stuck.yaml"
expect_status 2 "graph --from nonsense" -- "$TRACE_BIN" graph --from yesterday "$TR/stuck.yaml"
expect_status 2 "graph --promises (not yet)" -- "$TRACE_BIN" graph --promises "$TR/stuck.yaml"
expect_grep err "not implemented yet" "graph --promises says it is not implemented yet"

finish analyzer
