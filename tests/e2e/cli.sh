#!/bin/sh
# tests/e2e/cli.sh — the command line contract: help, version, usage errors, exit codes,
# and that the man page and `trace help` list the same commands.
. "$(dirname "$0")/lib.sh"

expect_status 0 "help" -- "$TRACE_BIN" help
expect_grep out "usage: trace <command>" "help prints the overview"
expect_status 0 "--help" -- "$TRACE_BIN" --help
expect_status 0 "--version" -- "$TRACE_BIN" --version
expect_grep out "trace (tickscope)" "--version names the tool"
expect_status 2 "no arguments" -- "$TRACE_BIN"
expect_grep err "usage:" "no arguments prints usage to stderr"
expect_status 2 "unknown command" -- "$TRACE_BIN" frobnicate
expect_grep err "'frobnicate' is not a trace command" "unknown command is named"
expect_status 2 "help of unknown command" -- "$TRACE_BIN" help frobnicate

for cmd in run log graph timeline diff why stats export validate help; do
    expect_status 0 "help $cmd" -- "$TRACE_BIN" help "$cmd"
    expect_grep out "usage: trace $cmd" "help $cmd shows the usage"
    "$TRACE_BIN" help | grep -q "^  $cmd " && pass || fail "overview lists $cmd"
    grep -q "^\\\\fB$cmd\\\\fR" man/trace.1 && pass || fail "man page documents $cmd"
    [ "$cmd" = help ] && continue
    expect_status 0 "$cmd -h" -- "$TRACE_BIN" "$cmd" -h
    expect_grep out "usage: trace $cmd" "$cmd -h prints usage to stdout"
done

# Subcommands that do not exist yet say so and exit 2; once they exist, no arguments is
# a usage error, also exit 2.
for cmd in run log graph timeline diff why stats export validate; do
    expect_status 2 "$cmd without arguments" -- "$TRACE_BIN" "$cmd"
    grep -qE "not implemented yet|usage:" "$T_TMP/err" && pass || fail "$cmd without arguments explains itself"
done

# A run stopped by a signal leaves a readable trace (formats/SPEC.md "Writing, flushing
# and truncation"): the handler writes the events buffered since the last flush point,
# here those of a job that never ends, then the process dies of the signal. `env
# --default-signal` undoes the SIGINT-ignored of a background job in sh.
cat >"$T_TMP/spin.js" <<'JS'
console.log('script start');
setTimeout(() => console.log('timer'), 0);
Promise.resolve().then(() => {
    console.log('in the job');
    for (;;) {}
});
JS
# wait_for TEXT FILE: until FILE contains TEXT (at most 10 s)
wait_for() {
    i=0
    while [ $i -lt 200 ] && ! grep -q "$1" "$2" 2>/dev/null; do
        sleep 0.05; i=$((i + 1))
    done
}
# kill_run SIG WANT TRACE CONSOLE -- CMD...: start CMD in the background, wait until the
# job prints on CONSOLE, send SIG, check the exit status (WANT, or "fail": any failure),
# then that TRACE validates and holds the killed job's buffered events and no `exit`.
kill_run() {
    sig=$1; want=$2; tr=$3; con=$4; shift 5
    rm -f "$con"
    env --default-signal=INT "$@" >"$T_TMP/run.out" 2>"$T_TMP/run.err" &
    pid=$!
    wait_for "in the job" "$con"
    kill -"$sig" $pid
    wait $pid 2>/dev/null
    got=$?
    if { [ "$want" = fail ] && [ "$got" -ne 0 ]; } || [ "$got" = "$want" ]; then pass; else
        fail "run killed by SIG$sig: exit status $got, expected $want"
        sed 's/^/  | /' "$T_TMP/run.err" | head -n 5
    fi
    expect_status 0 "validate after SIG$sig" -- "$TRACE_BIN" validate "$tr"
    grep -q 'ev: log, stream: out, text: "in the job"' "$tr" && pass ||
        fail "SIG$sig: the trace lacks the buffered events of the killed job"
    if grep -q "ev: exit" "$tr"; then fail "SIG$sig: a killed run's trace has an exit event"; else pass; fi
}
kill_run TERM 143 "$T_TMP/k.yaml" "$T_TMP/run.out" -- "$TRACE_BIN" run -o "$T_TMP/k.yaml" "$T_TMP/spin.js"
# the trace on stdout (console output then goes to stderr)
kill_run INT 130 "$T_TMP/run.out" "$T_TMP/run.err" -- "$TRACE_BIN" run "$T_TMP/spin.js"
kill_run HUP 129 "$T_TMP/k.yaml" "$T_TMP/run.out" -- "$TRACE_BIN" run -o "$T_TMP/k.yaml" "$T_TMP/spin.js"
# the signals of an interpreter bug: the same, and stderr says so (under ASan, its own
# handler then reports, with its own exit status)
kill_run SEGV fail "$T_TMP/k.yaml" "$T_TMP/run.out" -- "$TRACE_BIN" run -o "$T_TMP/k.yaml" "$T_TMP/spin.js"
expect_grep run.err "internal error: SIGSEGV" "SIGSEGV is reported"
kill_run ABRT fail "$T_TMP/k.yaml" "$T_TMP/run.out" -- "$TRACE_BIN" run -o "$T_TMP/k.yaml" "$T_TMP/spin.js"
expect_grep run.err "internal error: SIGABRT" "SIGABRT is reported"
# a signal that was ignored stays ignored (nohup; a background job's SIGINT)
env --ignore-signal=INT "$TRACE_BIN" run -o "$T_TMP/k.yaml" "$T_TMP/spin.js" >"$T_TMP/run.out" 2>&1 &
pid=$!
wait_for "in the job" "$T_TMP/run.out"
kill -INT $pid
sleep 0.2
if kill -0 $pid 2>/dev/null; then pass; else fail "an ignored SIGINT stopped the run"; fi
kill -TERM $pid
wait $pid 2>/dev/null
# out of memory (malloc fails: ulimit -v; not under ASan, whose shadow memory needs more)
# flushes the buffered job and ends the trace with a fatal `error`
cat >"$T_TMP/oom.js" <<'JS'
setTimeout(() => {
    console.log('growing');
    const a = [];
    for (let i = 0; ; i++) a.push('x'.repeat(1000) + i);
}, 0);
JS
# limited: the command under ulimit -v 400000 (in KiB)
limited() { sh -c 'ulimit -v 400000 && exec "$@"' limited "$@"; }
if { limited "$TRACE_BIN" --version; } >/dev/null 2>&1; then
    expect_status 5 "out of memory" -- limited "$TRACE_BIN" run -o "$T_TMP/oom.yaml" "$T_TMP/oom.js"
    expect_grep err "trace: out of memory" "out of memory is reported"
    expect_status 0 "validate after out of memory" -- "$TRACE_BIN" validate "$T_TMP/oom.yaml"
    tail -n 1 "$T_TMP/oom.yaml" | grep -q 'ev: error, kind: fatal, message: "out of memory' && pass ||
        fail "out of memory: the trace does not end with the fatal error"
    grep -q 'text: "growing"' "$T_TMP/oom.yaml" && pass || fail "out of memory: the job's events were lost"
fi
# what a kill in the middle of a write(2) can leave, a cut last line, is only a warning
head -c -7 "$T_TMP/k.yaml" >"$T_TMP/cut.yaml"
expect_status 0 "validate a trace with a cut last line" -- "$TRACE_BIN" validate "$T_TMP/cut.yaml"
expect_grep err "warning: truncated last line ignored" "a cut last line is a warning"

finish cli
