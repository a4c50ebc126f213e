#!/bin/sh
# tests/e2e/analyzer.sh — the analyzer's commands end to end (log, stats, graph,
# timeline, diff, why, export) on the fixture traces: golden text outputs, well-formed
# SVG with one element per job, well-formed JSON, png/pdf magic, and the error contract
# of every command: misuse is exit 2, an unreadable file exit 3, a malformed trace exit 1
# with FILE:LINE:COL, a line `trace why` cannot find exit 1.
#
# Golden files live in tests/golden/analyzer/ (NAME.stats, NAME.dot, NAME.out/.err,
# NAME.diff, NAME.why, NAME.json), and for every seed puzzle, from traces recorded here
# and now, in tests/golden/analyzer/seeds/;
# the hand-written traces they come from in tests/golden/analyzer/traces/. After a
# deliberate change of output, regenerate them with
#     UPDATE_GOLDEN=1 sh tests/e2e/analyzer.sh      (or UPDATE_GOLDENS=1)
# and review the diff.
. "$(dirname "$0")/lib.sh"
: "${UPDATE_GOLDEN:=${UPDATE_GOLDENS:-}}"
cd "$(dirname "$0")/../.." || exit 1
# Graphviz and fontconfig leak by design; under ASan only those two are suppressed.
LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export LSAN_OPTIONS

G=tests/golden/analyzer
TR=$G/traces
FIXTURE=tests/traces/seed_async_order.es2019.yaml
ES2017=$TR/seed_async_order.es2017.yaml
BROWSER=$TR/seed_async_order.browser.yaml

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

# json_ok NAME FILE: python's JSON parser accepts FILE.
json_ok() {
    if python3 -m json.tool "$2" >/dev/null 2>"$T_TMP/jsonerr"; then pass; else
        fail "$1: not well-formed JSON"; sed 's/^/  | /' "$T_TMP/jsonerr" | tail -n 3
    fi
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
golden "stats of the es2017 seed fixture" "$G/seed_async_order.es2017.stats" out -- \
    "$TRACE_BIN" stats "$ES2017"
golden "graph --promises --activations (es2017 await)" "$G/seed_async_order.es2017.layers.dot" \
    out -- "$TRACE_BIN" graph -T dot --promises --activations "$ES2017"
golden "graph --activations shows an await that never resumes" "$G/stuck.layers.dot" out -- \
    "$TRACE_BIN" graph --activations --promises "$TR/stuck.yaml"

# ---- the seed puzzles: real traces, golden log/stats/why/diff -------------------------
# Every seed puzzle (samples/*.js) is traced here and now with `trace run` in es2019 and
# es2017 (traces are deterministic), and the analyzer's text outputs are compared with
# tests/golden/analyzer/seeds/NAME.{es2019,es2017}.{log,stats,why} and NAME.diff
# (`trace diff` es2017 → es2019). `why` asks about the pair of lines whose order the seed
# post discusses (the table below; one line alone: its chain, or with "-", a line the
# program never prints: why not). The log must also equal the sample's expected stdout.

SEEDS=$G/seeds
SEED_TMP=$T_TMP/seeds
mkdir -p "$SEED_TMP"
ABS_BIN=$(cd "$(dirname "$TRACE_BIN")" && pwd)/$(basename "$TRACE_BIN")
# in_seeds CMD...: CMD run in the directory of the traces, so outputs name them briefly.
in_seeds() { (cd "$SEED_TMP" && "$@"); }
# golden_all WANT NAME FILE -- CMD...: CMD exits WANT; its stdout then stderr equal FILE.
golden_all() {
    want=$1; name=$2; file=$3; shift 4
    "$@" >"$T_TMP/out" 2>"$T_TMP/err"
    st=$?
    cat "$T_TMP/out" "$T_TMP/err" >"$T_TMP/all"
    if [ "$st" -ne "$want" ]; then
        fail "$name: exit status $st, expected $want"; sed 's/^/  | /' "$T_TMP/err" | head -n 5
        return
    fi
    if [ -n "${UPDATE_GOLDEN:-}" ]; then
        cp "$T_TMP/all" "$file"; pass; return
    fi
    if [ ! -f "$file" ]; then fail "$name: no golden file $file"; return; fi
    expect_same "$name" "$file" "$T_TMP/all"
}
[ -n "${UPDATE_GOLDEN:-}" ] && mkdir -p "$SEEDS"
while IFS='|' read -r s why_a why_b <&3; do
    [ -n "$s" ] || continue
    ok=1
    for mode in es2019 es2017; do
        y=$SEED_TMP/$s.$mode.yaml
        "$TRACE_BIN" run --spec "$mode" -o "$y" "samples/$s.js" >/dev/null 2>&1 </dev/null
        if [ ! -s "$y" ]; then fail "seed $s: trace run --spec $mode wrote no trace"; ok=; continue; fi
        golden_all 0 "seed $s ($mode): log" "$SEEDS/$s.$mode.log" -- \
            in_seeds "$ABS_BIN" log "$s.$mode.yaml"
        expect_same "seed $s ($mode): log prints the expected stdout" "samples/$s.$mode.out" \
            "$T_TMP/out"
        golden_all 0 "seed $s ($mode): stats" "$SEEDS/$s.$mode.stats" -- \
            in_seeds "$ABS_BIN" stats "$s.$mode.yaml"
        if [ "$why_b" = "-" ]; then
            golden_all 1 "seed $s ($mode): why \"$why_a\" (never printed)" "$SEEDS/$s.$mode.why" -- \
                in_seeds "$ABS_BIN" why "$s.$mode.yaml" "$why_a"
        elif [ -z "$why_b" ]; then
            golden_all 0 "seed $s ($mode): why \"$why_a\"" "$SEEDS/$s.$mode.why" -- \
                in_seeds "$ABS_BIN" why "$s.$mode.yaml" "$why_a"
        else
            golden_all 0 "seed $s ($mode): why \"$why_a\" \"$why_b\"" "$SEEDS/$s.$mode.why" -- \
                in_seeds "$ABS_BIN" why "$s.$mode.yaml" "$why_a" "$why_b"
        fi
    done
    [ -n "$ok" ] && golden_all 0 "seed $s: diff es2017 es2019" "$SEEDS/$s.diff" -- \
        in_seeds "$ABS_BIN" diff --no-color "$s.es2017.yaml" "$s.es2019.yaml"
done 3<<'EOF'
async_return_value_then_004|async1 end|promise2
await_async_fn_returning_then_chain_000|promise2|async1 end
await_async_fn_vs_then_chain_000|async1 end|promise1
await_async_fn_vs_then_chain_001|async1 end|promise2
await_async_fn_vs_then_chain_002|async1 end|promise2
await_async_fn_vs_then_chain_no_script_log_002|async1 end|Promise1
await_desugared_es2017_resolve_thenable_003|promise3|async1 end
await_desugared_es2019_direct_then_003|async1 end|promise2
await_desugared_new_promise_resolve_003|promise3|async1 end
await_empty_async_fn_then_chain_003|async1 end|promise2
await_never_resolved_promise_000|async1 success|-
await_resolved_new_promise_000|srcipt end|async1 success
await_typo_aysnc2_reference_error_003|async1 end|-
resolve_nested_promise_003|1-1|0-0
resolve_thenable_object_003|1-0|0-0
resolve_with_promise_resolve_001|async1 end|
then_chain_callbacks_queued_one_by_one_003|promise2|promise3
timers_same_phase_await_microtasks|after await|then1
toutiao_interview_puzzle_003|async1 end|promise2
two_timers_with_microtasks_004|async1 end|then3
EOF
[ -n "${UPDATE_GOLDEN:-}" ] && echo "updated $SEEDS"
# Every seed puzzle has its line in the table above.
for f in samples/*.js; do
    s=$(basename "$f" .js)
    if [ -f "$SEEDS/$s.diff" ]; then pass; else
        fail "seed $s has no golden outputs (add it to the table in tests/e2e/analyzer.sh)"
    fi
done

# ---- the README: the walkthrough's commands work as written, for every seed puzzle ----
# The ```sh blocks of README.md's Walkthrough section run in a scratch directory that has
# samples/ and `trace` on PATH: the first (the main puzzle) as it is, the second (the
# commands for any puzzle) once for every row of the puzzle table, with that row's `p`
# and `trace why` lines.

RD=$T_TMP/readme
mkdir -p "$RD/bin"
ln -s "$ABS_BIN" "$RD/bin/trace"
ln -s "$PWD/samples" "$RD/samples"
awk -v dir="$RD" '/^## Walkthrough/ { w = 1; next } /^## / { w = 0 }
    w && /^```sh$/ { b = 1; n++; next } b && /^```$/ { b = 0; next }
    b { print > (dir "/block" n ".sh") }' README.md
count_is "README walkthrough has two sh blocks" 2 "$(ls "$RD"/block*.sh 2>/dev/null | wc -l)"
# the puzzle table: | `NAME` | what it shows | `"A" "B"` (exit 1) |
sed -n 's/^| `\([a-z0-9_]*\)` | .* | \(`.*`\)\( (exit 1)\)\{0,1\} |$/\1\t\2\t\3/p' README.md |
    sed 's/`//g' >"$RD/rows"
count_is "README puzzle table lists every sample" "$(ls samples/*.js | wc -l)" "$(wc -l <"$RD/rows")"
for f in samples/*.js; do
    grep -q "^$(basename "$f" .js)	" "$RD/rows" && pass ||
        fail "README puzzle table lacks $(basename "$f" .js)"
done
if (cd "$RD" && PATH="$RD/bin:$PATH" sh -e block1.sh) >"$T_TMP/out" 2>"$T_TMP/err"; then
    pass
    for pic in graph.svg timeline.svg; do well_formed "README walkthrough: $pic" "$RD/$pic"; done
    expect_grep out 'why #6 "async1 end" came first (fifo)' "README walkthrough: why explains"
    expect_grep out '"async1 end": A #7 → B #6, 2 ticks earlier' "README walkthrough: diff"
else
    fail "README walkthrough block 1 fails"; sed 's/^/  | /' "$T_TMP/err" | head -n 5
fi
while IFS='	' read -r s why_args missing <&3; do
    d=$RD/$s
    mkdir -p "$d"
    ln -s "$PWD/samples" "$d/samples"
    # the block with this row's name and question
    sed -e "s/^p=[a-z0-9_]*/p=$s/" \
        -e "s/^\(trace why \$p\.es2019\.yaml\) \"[^#]*\"\( *#\)/\1 $why_args\2/" \
        "$RD/block2.sh" >"$d/run.sh"
    grep -q "^p=$s " "$d/run.sh" && grep -qF "yaml $why_args" "$d/run.sh" ||
        { fail "README block 2 cannot be applied to $s"; continue; }
    (cd "$d" && PATH="$RD/bin:$PATH" sh run.sh) >"$d/out" 2>"$d/err"
    for out in "$s.es2019.yaml" "$s.es2017.yaml" "$s.graph.svg" "$s.timeline.svg"; do
        [ -s "$d/$out" ] && pass || fail "README commands for $s: no $out"
    done
    well_formed "README commands for $s: graph" "$d/$s.graph.svg"
    well_formed "README commands for $s: timeline" "$d/$s.timeline.svg"
    # the why answer: two chains and a rule, one chain, or (exit 1) what never ran
    if [ -n "$missing" ]; then
        grep -q "Perhaps the code that prints it never ran" "$d/err" && pass ||
            fail "README commands for $s: why does not say what never ran"
    elif grep -q "came first (" "$d/out" || { [ "${why_args#* \"}" = "$why_args" ] &&
        grep -q "^chain of " "$d/out"; }; then
        pass
    else
        fail "README commands for $s: why gives no explanation"; sed 's/^/  | /' "$d/err" | head -n 3
    fi
    grep -q "^summary: " "$d/out" && pass || fail "README commands for $s: diff gives no summary"
done 3<"$RD/rows"

# ---- diff ---------------------------------------------------------------------------

golden "diff es2017 es2019 of the seed puzzle" "$G/seed_async_order.diff" out -- \
    "$TRACE_BIN" diff --no-color "$ES2017" "$FIXTURE"
expect_grep out '"async1 end": A #7 → B #6, 2 ticks earlier (tick 3 → 1); now before "promise2"' \
    "diff says async1 end moved ahead of promise2 by 2 ticks"
expect_grep out "jobs only in A (2):" "diff names the extra jobs of es2017"
expect_grep out "PromiseResolveThenableJob #2 then" "diff names the PromiseResolveThenableJob"
golden "diff es2019 es2017 (the other way)" "$G/seed_async_order.rdiff" out -- \
    "$TRACE_BIN" diff --no-color "$FIXTURE" "$ES2017"
golden "diff across hosts (node, browser)" "$G/seed_async_order.hosts.diff" out -- \
    "$TRACE_BIN" diff "$FIXTURE" "$BROWSER"
golden "diff --json" "$G/seed_async_order.diff.json" out -- \
    "$TRACE_BIN" diff --json "$ES2017" "$FIXTURE"
json_ok "diff --json" "$T_TMP/out"
expect_status 0 "diff of a trace with itself" -- "$TRACE_BIN" diff "$FIXTURE" "$FIXTURE"
expect_grep out "no differences" "diff of a trace with itself says so"
expect_status 0 "diff --exit-code without differences" -- \
    "$TRACE_BIN" diff --exit-code "$FIXTURE" "$FIXTURE"
expect_status 1 "diff --exit-code with differences" -- \
    "$TRACE_BIN" diff --exit-code "$ES2017" "$FIXTURE"
expect_status 0 "diff --color" -- "$TRACE_BIN" diff --color "$ES2017" "$FIXTURE"
expect_grep out "$(printf '\033[32m+async1 end')" "diff --color paints added lines green"
expect_status 0 "diff -U 0" -- "$TRACE_BIN" diff -U 0 "$ES2017" "$FIXTURE"
expect_grep out "@@ -5,0 +6,1 @@" "diff -U 0 has no context lines"
if command -v script >/dev/null 2>&1; then
    script -qec "'$TRACE_BIN' diff '$ES2017' '$FIXTURE'" /dev/null >"$T_TMP/tty" 2>&1
    grep -q "$(printf '\033\[31m-async1 end')" "$T_TMP/tty" && pass ||
        fail "diff is in colour on a terminal"
    script -qec "NO_COLOR=1 '$TRACE_BIN' diff '$ES2017' '$FIXTURE'" /dev/null >"$T_TMP/tty" 2>&1
    if grep -q "$(printf '\033\[')" "$T_TMP/tty"; then fail "diff respects NO_COLOR"; else pass; fi
    script -qec "'$TRACE_BIN' diff --no-color '$ES2017' '$FIXTURE'" /dev/null >"$T_TMP/tty" 2>&1
    if grep -q "$(printf '\033\[')" "$T_TMP/tty"; then fail "diff --no-color"; else pass; fi
fi
if "$TRACE_BIN" diff -T svg -o "$T_TMP/d.svg" "$ES2017" "$FIXTURE" 2>"$T_TMP/err"; then
    well_formed "diff -T svg" "$T_TMP/d.svg"
    count_is "diff -T svg: one job group per job that ran in A and in B" 10 \
        "$(grep -c '<g class="job ' "$T_TMP/d.svg")"
    count_is "diff -T svg: the two jobs only in A are framed" 2 \
        "$(grep -c '<g class="job [a-z0-9]* only' "$T_TMP/d.svg")"
    count_is "diff -T svg: the moved line's jobs are framed in both" 2 \
        "$(grep -c '<g class="job [a-z0-9]* shifted moved' "$T_TMP/d.svg")"
else
    fail "diff -T svg: exit status $?"; sed 's/^/  | /' "$T_TMP/err" | head -n 3
fi
expect_status 0 "diff -o x.png" -- "$TRACE_BIN" diff "$ES2017" "$FIXTURE" -o "$T_TMP/d.png"
magic "diff png" "$T_TMP/d.png" 89504e47

# diff --spec runs `trace run` twice: with an interpreter that cannot run the program
# (yet), diff must report run's error and exit with its status.
"$TRACE_BIN" run --spec es2017 -o "$T_TMP/run17.yaml" tests/traces/seed_async_order.js \
    >/dev/null 2>"$T_TMP/runerr"
run_status=$?
if [ "$run_status" -eq 0 ] && "$TRACE_BIN" run --spec es2019 -o "$T_TMP/run19.yaml" \
    tests/traces/seed_async_order.js >/dev/null 2>&1; then
    expect_status 0 "diff --spec es2017,es2019" -- \
        "$TRACE_BIN" diff --no-color --spec es2017,es2019 tests/traces/seed_async_order.js
    expect_grep out '"async1 end": A #7 → B #6, 2 ticks earlier' \
        "diff --spec: async1 end moves ahead of promise2"
    expect_grep out "PromiseResolveThenableJob" "diff --spec names the extra jobs"
else
    [ "$run_status" -eq 0 ] && run_status=1
    expect_status "$run_status" "diff --spec when trace run fails exits with its status" -- \
        "$TRACE_BIN" diff --spec es2017,es2019 tests/traces/seed_async_order.js
    expect_grep err "trace run" "diff --spec reports the failing trace run"
fi
expect_status 2 "diff --spec with one mode" -- \
    "$TRACE_BIN" diff --spec es2017 tests/traces/seed_async_order.js
expect_status 2 "diff --spec and --host both with two values" -- \
    "$TRACE_BIN" diff --spec es2017,es2019 --host node,browser tests/traces/seed_async_order.js
expect_status 2 "diff --spec with two files" -- \
    "$TRACE_BIN" diff --spec es2017,es2019 a.js b.js
expect_status 2 "diff with one trace" -- "$TRACE_BIN" diff "$FIXTURE"
expect_status 2 "diff with three traces" -- "$TRACE_BIN" diff "$FIXTURE" "$FIXTURE" "$FIXTURE"
expect_status 2 "diff -T jpeg" -- "$TRACE_BIN" diff -T jpeg "$FIXTURE" "$FIXTURE"
expect_status 2 "diff --json -T svg" -- "$TRACE_BIN" diff --json -T svg "$FIXTURE" "$FIXTURE"
expect_status 2 "diff --max-steps without --spec" -- \
    "$TRACE_BIN" diff --max-steps 10 "$FIXTURE" "$FIXTURE"
expect_status 3 "diff of a missing file" -- "$TRACE_BIN" diff "$FIXTURE" "$T_TMP/missing.yaml"
expect_status 1 "diff of a malformed trace" -- "$TRACE_BIN" diff "$TR/malformed.yaml" "$FIXTURE"
expect_grep err "$TR/malformed.yaml:12:" "diff reports FILE:LINE:COL of a YAML error"

# ---- why ----------------------------------------------------------------------------

golden "why async1 end before promise2 (es2019)" "$G/seed_async_order.es2019.why" out -- \
    "$TRACE_BIN" why "$FIXTURE" "async1 end" "promise2"
expect_grep out "(fifo)" "why names the FIFO rule in es2019"
golden "why promise2 before async1 end (es2017)" "$G/seed_async_order.es2017.why" out -- \
    "$TRACE_BIN" why "$ES2017" "async1 end" "promise2"
expect_grep out "its chain takes 2 more hops" "why counts the extra hops in es2017"
golden "why with line numbers, across turns" "$G/seed_async_order.turns.why" out -- \
    "$TRACE_BIN" why "$FIXTURE" "#8" "#6"
golden "why of one line prints its chain" "$G/seed_async_order.chain.why" out -- \
    "$TRACE_BIN" why "$ES2017" "async1 e"
golden "why on the stuck trace (stderr line, timer)" "$G/stuck.why" out -- \
    "$TRACE_BIN" why "$TR/stuck.yaml" "second line" "tick"
expect_status 1 "why of an ambiguous text" -- "$TRACE_BIN" why "$FIXTURE" "promise" "script start"
expect_grep err "matches 2 output lines; name one by its number" "why lists ambiguous lines"
expect_grep err '#4 "promise1"' "why lists each candidate with its number"
expect_status 1 "why of a line that is not there" -- "$TRACE_BIN" why "$FIXTURE" "nope" "#1"
expect_grep err 'no output line is or contains "nope"' "why says the line is missing"
expect_status 1 "why of line #0" -- "$TRACE_BIN" why "$FIXTURE" "#1" "#0"
expect_status 1 "why of a line past the end" -- "$TRACE_BIN" why "$FIXTURE" "#1" "#99"
expect_grep err "there is no output line #99 (the trace has 8)" "why names the line count"
expect_status 2 "why without a line" -- "$TRACE_BIN" why "$FIXTURE"
expect_status 2 "why with three lines" -- "$TRACE_BIN" why "$FIXTURE" a b c

# ---- export -------------------------------------------------------------------------

for t in "$TR/stuck.yaml" "$TR/chain.yaml" "$TR/output.yaml" "$FIXTURE" "$ES2017"; do
    n=$(basename "$t" .yaml)
    if "$TRACE_BIN" export --format chrome "$t" -o "$T_TMP/$n.json" 2>"$T_TMP/err"; then
        json_ok "export $n" "$T_TMP/$n.json"
        count_is "export $n: one complete event per job that ran" "$(jobs_ran "$t")" \
            "$(grep -c '"ph":"X"' "$T_TMP/$n.json")"
        count_is "export $n: every flow start has its end" \
            "$(grep -c '"ph":"s"' "$T_TMP/$n.json")" "$(grep -c '"ph":"f"' "$T_TMP/$n.json")"
    else
        fail "export $n: exit status $?"; sed 's/^/  | /' "$T_TMP/err" | head -n 3
    fi
done
expect_status 0 "export to stdout" -- "$TRACE_BIN" export "$FIXTURE"
expect_grep out '"traceEvents"' "export writes chrome JSON to stdout by default"
expect_status 2 "export --format svg" -- "$TRACE_BIN" export --format svg "$FIXTURE"

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

# ---- headless Chromium renders the pictures (skipped when it is not installed) -------

if command -v chromium >/dev/null 2>&1 && command -v timeout >/dev/null 2>&1; then
    "$TRACE_BIN" diff -T svg -o "$T_TMP/c-diff.svg" "$ES2017" "$FIXTURE" 2>/dev/null
    "$TRACE_BIN" timeline -o "$T_TMP/c-timeline.svg" "$TR/output.yaml" 2>/dev/null
    "$TRACE_BIN" graph -T svg --promises --activations -o "$T_TMP/c-graph.svg" \
        "$TR/stuck.yaml" 2>/dev/null
    for pic in c-diff c-timeline c-graph; do
        timeout 120 chromium --headless --no-sandbox --disable-gpu --dump-dom \
            "file://$T_TMP/$pic.svg" >"$T_TMP/dom" 2>/dev/null
        if grep -q "<svg" "$T_TMP/dom" && ! grep -q "parsererror" "$T_TMP/dom" &&
            ! grep -q "This page contains the following errors" "$T_TMP/dom"; then
            pass
        else
            fail "chromium renders $pic.svg without errors"; head -c 400 "$T_TMP/dom" | sed 's/^/  | /'
        fi
    done
fi

# ---- generated traces: every event kind and field, hostile strings -------------------
# (trace validate --generate, formats/trace_gen.h: quotes, markup, control characters,
# invalid UTF-8, U+2028, emoji, a line that is only "]" ...). Every output must stay
# well-formed and every command must succeed.

for seed in 1 2 3; do
    g=$T_TMP/gen$seed.yaml
    "$TRACE_BIN" validate --generate $seed 4000 >"$g"
    "$TRACE_BIN" validate --generate $((seed + 10)) 4000 >"$T_TMP/genb.yaml"
    expect_status 0 "generated $seed: stats" -- "$TRACE_BIN" stats "$g"
    expect_status 0 "generated $seed: graph svg with every layer" -- "$TRACE_BIN" graph -T svg \
        --max-nodes 200 --promises --activations "$g" -o "$T_TMP/gen.svg"
    well_formed "generated $seed: graph svg" "$T_TMP/gen.svg"
    expect_status 0 "generated $seed: timeline" -- "$TRACE_BIN" timeline "$g" -o "$T_TMP/gen.svg"
    well_formed "generated $seed: timeline" "$T_TMP/gen.svg"
    expect_status 0 "generated $seed: export" -- "$TRACE_BIN" export "$g" -o "$T_TMP/gen.json"
    json_ok "generated $seed: export" "$T_TMP/gen.json"
    expect_status 0 "generated $seed: diff --json" -- \
        "$TRACE_BIN" diff --json "$g" "$T_TMP/genb.yaml" -o "$T_TMP/gen.json"
    json_ok "generated $seed: diff --json" "$T_TMP/gen.json"
    expect_status 0 "generated $seed: diff text" -- "$TRACE_BIN" diff "$g" "$T_TMP/genb.yaml"
    expect_status 0 "generated $seed: diff -T svg" -- \
        "$TRACE_BIN" diff -T svg "$g" "$T_TMP/genb.yaml" -o "$T_TMP/gen.svg"
    well_formed "generated $seed: diff svg" "$T_TMP/gen.svg"
    expect_status 0 "generated $seed: why" -- "$TRACE_BIN" why "$g" "#1" "#40"
done

# ---- errors -------------------------------------------------------------------------

for cmd in log stats graph timeline export; do
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
for cmd in why diff; do
    expect_status 2 "$cmd without a trace" -- "$TRACE_BIN" $cmd
    expect_grep err "usage: trace $cmd" "$cmd without a trace prints the usage"
    expect_status 2 "$cmd with an unknown option" -- \
        "$TRACE_BIN" $cmd --frobnicate "$TR/stuck.yaml" "$TR/stuck.yaml"
    expect_grep err "unknown option '--frobnicate'" "$cmd names the unknown option"
    expect_status 3 "$cmd of a missing file" -- "$TRACE_BIN" $cmd "$T_TMP/missing.yaml" "#1"
    expect_status 1 "$cmd of an inconsistent trace" -- "$TRACE_BIN" $cmd "$TR/dangling.yaml" "#1"
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
if "$TRACE_BIN" graph --promises --activations -T svg "$ES2017" -o "$T_TMP/pa.svg" 2>"$T_TMP/err"
then
    well_formed "graph --promises --activations svg" "$T_TMP/pa.svg"
    count_is "graph --promises: one node per promise" 7 \
        "$(grep -c '<g id="promise[0-9]*" class="node"' "$T_TMP/pa.svg")"
    count_is "graph --activations: one cluster for async1" 1 \
        "$(grep -c '<g id="clust[0-9]*" class="cluster"' "$T_TMP/pa.svg")"
else
    fail "graph --promises --activations svg: exit status $?"
fi

# An ES module's trace: the Module job and its evaluation promise (origin: module).
cat >"$T_TMP/tla.mjs" <<'JS'
console.log('module start');
await null;
console.log('after await');
JS
expect_status 0 "trace run of a module" -- "$TRACE_BIN" run -o "$T_TMP/tla.yaml" "$T_TMP/tla.mjs"
grep -q 'origin: module' "$T_TMP/tla.yaml" && pass || fail "a module trace has a promise of origin module"
expect_status 0 "graph --promises of a module trace" -- \
    "$TRACE_BIN" graph -T dot --promises "$T_TMP/tla.yaml"
expect_grep out 'module evaluation' "graph names the module's evaluation promise"
expect_status 0 "why of a module trace" -- "$TRACE_BIN" why "$T_TMP/tla.yaml" "after await"
expect_grep out "Module #1" "why starts the chain at the Module job"

finish analyzer
