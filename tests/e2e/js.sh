#!/bin/sh
# tests/e2e/js.sh — the golden JavaScript programs under tests/js/<area>/*.js.
# Each file carries its expected console output inline, one comment per line, in order:
#     // expect: <line>
# or, for a program that must not compile:
#     // expect error: LINE:COL: SyntaxError: <message>
# For every file this suite
#   1. runs `trace run FILE` with the trace on stdout, reading the console output from
#      stderr (as DESIGN says), and compares it with the expect lines;
#   2. runs the same file with -o (console.log on stdout) and checks the trace file;
#   3. runs it under node when node is installed and requires node's stdout to equal the
#      expect lines too (the differential pass: the expectations are node's behaviour);
#   4. runs it again with TRACE_GC_STRESS=1 (a collection and a gc_verify at every
#      allocation; about 0.1 s per file even under ASan). JS_STRESS=0 skips it,
#      JS_STRESS=some stresses only the files listed in tests/js/stress.list.
# Then a few checks of the run command itself: uncaught errors, limits, usage errors.
# A failure prints the file and the first differing line.
. "$(dirname "$0")/lib.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
stress=${JS_STRESS:-all}
have_node=0
command -v node >/dev/null 2>&1 && have_node=1

first_diff() { # $1 expected, $2 actual: prints the first differing line
    awk 'NR==FNR { e[NR]=$0; ne=NR; next } { a[FNR]=$0; na=FNR }
         END { n = ne > na ? ne : na
               for (i = 1; i <= n; i++) if (e[i] != a[i] || (i > ne) || (i > na)) {
                   printf "  line %d: expected: %s\n  line %d: got:      %s\n", i,
                          (i <= ne ? e[i] : "<end of output>"), i, (i <= na ? a[i] : "<end of output>")
                   exit } }' "$1" "$2"
}

check_output() { # name expected actual
    if cmp -s "$2" "$3"; then pass; else fail "$1"; first_diff "$2" "$3"; fi
}

for f in $(find "$root/tests/js" -name '*.js' | sort); do
    rel=${f#$root/}
    exp="$T_TMP/expected"
    grep -o '// expect: .*$\|// expect:$' "$f" | sed 's|^// expect: \{0,1\}||' >"$exp"
    experr=$(grep -o '// expect error: .*$' "$f" | head -n 1 | sed 's|^// expect error: ||')
    if [ -n "$experr" ]; then
        "$TRACE_BIN" run "$f" >"$T_TMP/trace" 2>"$T_TMP/err"
        st=$?
        if [ "$st" -eq 1 ]; then pass; else fail "$rel: exit status $st, expected 1"; fi
        line=$(head -n 1 "$T_TMP/err")
        if [ "$line" = "$f:$experr" ]; then pass; else
            fail "$rel: wrong error"; echo "  expected: $f:$experr"; echo "  got:      $line"; fi
        grep -q 'ev: error, kind: syntax' "$T_TMP/trace" && pass || fail "$rel: no syntax error event"
        continue
    fi
    # 1. trace on stdout, console on stderr
    "$TRACE_BIN" run "$f" >"$T_TMP/trace" 2>"$T_TMP/out"
    st=$?
    if [ "$st" -ne 0 ]; then
        fail "$rel: exit status $st"; head -n 5 "$T_TMP/out" | sed 's/^/  | /'
        continue
    fi
    check_output "$rel" "$exp" "$T_TMP/out"
    # 2. with -o: console.log on stdout, and the trace file has the log events
    "$TRACE_BIN" run -o "$T_TMP/trace2" "$f" >"$T_TMP/out2" 2>"$T_TMP/err2"
    if [ -s "$T_TMP/err2" ] && ! grep -q 'console\.\(warn\|error\|trace\)' "$f"; then
        fail "$rel: -o wrote to stderr"; head -n 3 "$T_TMP/err2" | sed 's/^/  | /'
    else pass; fi
    n_exp=$(wc -l <"$exp")
    n_log=$(grep -c 'ev: log' "$T_TMP/trace2")
    if [ "$n_exp" -eq "$n_log" ]; then pass; else fail "$rel: $n_log log events, expected $n_exp"; fi
    # 3. differential: node prints the same
    if [ "$have_node" = 1 ]; then
        (cd "$(dirname "$f")" && node "$f") >"$T_TMP/node" 2>&1
        check_output "$rel (node)" "$exp" "$T_TMP/node"
    fi
    # 4. GC stress
    if [ "$stress" = all ] || { [ "$stress" = some ] && grep -qx "$rel" "$root/tests/js/stress.list" 2>/dev/null; }; then
        TRACE_GC_STRESS=1 "$TRACE_BIN" run "$f" >/dev/null 2>"$T_TMP/out3"
        check_output "$rel (TRACE_GC_STRESS=1)" "$exp" "$T_TMP/out3"
    fi
done
[ "$have_node" = 1 ] || echo "js: node not found: differential pass skipped"

# Uncaught exceptions print as node prints them, exit 1 and become an error event.
printf 'function f() {\n  null.x\n}\nf()\n' >"$T_TMP/u.js"
expect_status 1 "uncaught TypeError exits 1" -- "$TRACE_BIN" run "$T_TMP/u.js"
expect_grep err "$T_TMP/u.js:2" "uncaught: file:line first"
expect_grep err "TypeError: Cannot read properties of null (reading 'x')" "uncaught: message"
expect_grep err "    at f ($T_TMP/u.js:2:8)" "uncaught: stack frame"
expect_grep out "kind: uncaught" "uncaught: error event"
printf 'const e = new Error("boom")\ne.code = "E_X"\nthrow e\n' >"$T_TMP/u3.js"
expect_status 1 "uncaught error with own properties exits 1" -- "$TRACE_BIN" run "$T_TMP/u3.js"
expect_grep err "    at Object.<anonymous> ($T_TMP/u3.js:1:11) {" "uncaught: inspected like node"
expect_grep err "  code: 'E_X'" "uncaught: own properties shown"
printf 'throw 1\n' >"$T_TMP/u2.js"
expect_status 1 "uncaught non-error exits 1" -- "$TRACE_BIN" run "$T_TMP/u2.js"
# eval of source text: the EvalError node throws with --disallow-code-generation-from-strings.
printf 'try { eval("1 + 1") } catch (e) { console.log(e.name + ": " + e.message, e instanceof EvalError) }\n' >"$T_TMP/ev.js"
"$TRACE_BIN" run -o /dev/null "$T_TMP/ev.js" >"$T_TMP/ev.out" 2>&1
echo 'EvalError: Code generation from strings disallowed for this context true' >"$T_TMP/ev.exp"
check_output "eval of a string is refused like node's disallowed code generation" "$T_TMP/ev.exp" "$T_TMP/ev.out"
if [ "$have_node" = 1 ]; then
    node --disallow-code-generation-from-strings "$T_TMP/ev.js" >"$T_TMP/ev.node" 2>&1
    check_output "eval refusal (node --disallow-code-generation-from-strings)" "$T_TMP/ev.exp" "$T_TMP/ev.node"
fi
# Limits stop the run with exit 4, a message and a limit event.
printf 'for (;;) {}\n' >"$T_TMP/inf.js"
expect_status 4 "--max-steps stops an endless loop" -- "$TRACE_BIN" run --max-steps 10000 "$T_TMP/inf.js"
expect_grep err "stopped after 10000 steps (--max-steps)" "--max-steps message"
expect_grep out "ev: limit, name: max-steps" "--max-steps event"
expect_status 4 "--timeout stops an endless loop" -- "$TRACE_BIN" run --timeout 0.2 "$T_TMP/inf.js"
printf 'const a = []\nfor (;;) a.push({ x: [1, 2, 3] })\n' >"$T_TMP/heap.js"
expect_status 4 "--max-heap stops a leak" -- "$TRACE_BIN" run --max-heap 16 "$T_TMP/heap.js"
# Unknown values are usage errors.
expect_status 2 "an unknown --host is a usage error" -- "$TRACE_BIN" run --host deno "$T_TMP/u.js"
expect_grep err "unknown host 'deno'" "--host deno message"
expect_status 2 "an unknown --spec is a usage error" -- "$TRACE_BIN" run --spec es2016 "$T_TMP/u.js"
expect_grep err "unknown spec mode 'es2016'" "--spec es2016 message"
expect_status 3 "a missing file is an I/O error" -- "$TRACE_BIN" run "$T_TMP/missing.js"
finish js
