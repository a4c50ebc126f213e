#!/bin/sh
# tests/e2e/validate.sh — `trace validate` and the trace format end to end:
#   1. the valid fixtures in tests/traces/ validate (exit 0) and an independent YAML
#      reader (tests/tools/yaml_check.py: PyYAML's pure-Python loader) accepts them;
#   2. each broken trace in tests/traces/broken/NAME.yaml gives exactly the exit status
#      and stderr in NAME.expected (first line "exit N", then the expected stderr);
#      the YAML-level ones are rejected by the independent reader too;
#   3. fresh random traces written by the binary under test (`trace validate --generate
#      SEED N`, hidden, test-only) validate and read back in PyYAML with every string
#      exactly as the writer meant it (--hex);
#   4. the command line: usage errors exit 2, unreadable files exit 3, stdin works, and
#      a trace cut at every byte of its last line is valid with a warning.
. "$(dirname "$0")/lib.sh"

# PyYAML is part of `make deps`; without it the independent checks cannot run, and that
# is a failure, not a pass.
if python3 -c 'import yaml' 2>/dev/null; then have_py=1; else have_py=0; fail "python3 yaml missing: independent checks not run"; fi
ycheck() { python3 tests/tools/yaml_check.py "$@" >"$T_TMP/py" 2>&1; }

# ---- 1. valid fixtures ---------------------------------------------------------------
for f in tests/traces/*.yaml; do
    expect_status 0 "validate $f" -- "$TRACE_BIN" validate "$f"
    expect_grep out "$f: valid (tickscope-trace 1.0" "validate $f says valid"
    if [ $have_py = 1 ]; then
        ycheck "$f" && pass || { fail "yaml_check $f"; cat "$T_TMP/py"; }
    fi
done

# ---- 2. broken traces, exact messages ------------------------------------------------
n=0
for f in tests/traces/broken/*.yaml; do
    exp=${f%.yaml}.expected
    [ -f "$exp" ] || { fail "$f has no $exp"; continue; }
    n=$((n + 1))
    want_status=$(head -n 1 "$exp" | sed 's/^exit //')
    tail -n +2 "$exp" >"$T_TMP/want_err"
    "$TRACE_BIN" validate "$f" >"$T_TMP/out" 2>"$T_TMP/err"
    got=$?
    if [ "$got" -eq "$want_status" ]; then pass; else fail "$f: exit $got, expected $want_status"; fi
    expect_same "$f stderr" "$T_TMP/want_err" "$T_TMP/err"
done
[ "$n" -ge 12 ] && pass || fail "only $n broken traces (at least 12 kinds expected)"

# The same files are broken for an independent YAML reader when the problem is YAML's.
if [ $have_py = 1 ]; then
    for name in bad_yaml truncated_middle duplicate_key invalid_utf8 control_char third_document \
                missing_header wrong_format; do
        if ycheck "tests/traces/broken/$name.yaml"; then fail "yaml_check accepts broken/$name"; else pass; fi
    done
fi

# ---- 3. fresh traces from the writer in the binary under test -------------------------
for seed in 1 2 3 20240501; do
    g="$T_TMP/gen$seed.yaml"
    "$TRACE_BIN" validate --generate "$seed" 3000 >"$g" 2>"$T_TMP/err" && pass || fail "generate seed $seed"
    expect_status 0 "validate generated seed $seed" -- "$TRACE_BIN" validate "$g"
    expect_grep out "valid (tickscope-trace 1.0, 3001 events)" "generated seed $seed has every event"
    if [ $have_py = 1 ]; then
        ycheck --hex "$g" && pass || { fail "yaml_check --hex generated seed $seed"; cat "$T_TMP/py"; }
    fi
done
"$TRACE_BIN" validate --generate 5 200 >"$T_TMP/a.yaml"
"$TRACE_BIN" validate --generate 5 200 >"$T_TMP/b.yaml"
cmp -s "$T_TMP/a.yaml" "$T_TMP/b.yaml" && pass || fail "the same seed gives a different trace"

# ---- 4. command line ------------------------------------------------------------------
expect_status 2 "validate without a file" -- "$TRACE_BIN" validate
expect_grep err "usage: trace validate" "usage is printed"
expect_status 2 "validate with two files" -- "$TRACE_BIN" validate a.yaml b.yaml
expect_status 2 "validate with an unknown option" -- "$TRACE_BIN" validate --frobnicate x.yaml
expect_status 3 "validate a missing file" -- "$TRACE_BIN" validate "$T_TMP/no-such-file.yaml"
expect_grep err "cannot open" "a missing file is named"
expect_status 3 "validate a directory" -- "$TRACE_BIN" validate tests/traces
expect_status 0 "validate stdin" -- sh -c "\"$TRACE_BIN\" validate - < tests/traces/seed_async_order.es2019.yaml"
expect_grep out "<stdin>: valid" "stdin is named <stdin>"

# A run killed while writing its last event: cut the seed trace at every byte of its
# last line; each cut is valid (exit 0) with one warning, except the cut right after
# the closing brace (a complete event), which has none.
f=tests/traces/seed_async_order.es2019.yaml
size=$(wc -c <"$f")
last=$(tail -n 1 "$f" | wc -c)
i=1
bad=0
while [ "$i" -lt "$last" ]; do
    head -c $((size - i)) "$f" >"$T_TMP/cut.yaml"
    "$TRACE_BIN" validate "$T_TMP/cut.yaml" >"$T_TMP/out" 2>"$T_TMP/err" || bad=$((bad + 1))
    if [ "$i" -gt 1 ]; then grep -q "warning: truncated last line ignored" "$T_TMP/err" || bad=$((bad + 1)); fi
    i=$((i + 1))
done
[ "$bad" -eq 0 ] && pass || fail "$bad cuts of the last line were not accepted with a warning"

# ---- the reader's fast path says exactly what libyaml's path says ----------------------
# formats/trace_reader.c parses the writer's one-line events itself and falls back to
# libyaml for anything else (TICKSCOPE_READER_SLOW=1 forces libyaml throughout). On a
# generated trace with hostile strings, and on copies broken in the ways that make the
# fast path fall back (cut short, a comment, a blank line, a mapping over two lines, an
# end marker, a third document, invalid UTF-8, CRLF, a bad value, an unknown kind, an
# unknown field, a duplicate field, an indented entry), `validate`, `log` and `stats`
# print the same bytes and exit with the same status either way.
g=$T_TMP/fast.yaml
"$TRACE_BIN" validate --generate 3 3000 >"$g"
size=$(wc -c <"$g")
i=0
for cut in 500 1500 20000 99999 $((size - 1)) $((size - 2)) $((size - 7)); do
    i=$((i + 1)); head -c "$cut" "$g" >"$T_TMP/fast$i.yaml"
done
awk 'NR==40 { print "# a comment" } { print }' "$g" >"$T_TMP/fast_c1.yaml"
awk 'NR==40 { print "" } { print }' "$g" >"$T_TMP/fast_c2.yaml"
awk 'NR==40 { sub(/, ev:/, ",\n  ev:") } { print }' "$g" >"$T_TMP/fast_c3.yaml"
{ cat "$g"; echo "..."; } >"$T_TMP/fast_c4.yaml"
{ cat "$g"; echo "---"; echo "- {seq: 1}"; } >"$T_TMP/fast_c5.yaml"
awk 'NR==60 { printf "- {seq: 99999, ev: log, text: \"\377\"}\n" } { print }' "$g" \
    >"$T_TMP/fast_c6.yaml"
sed 's/$/\r/' "$g" >"$T_TMP/fast_c7.yaml"
awk 'NR==50 { sub(/seq: [0-9]+/, "seq: x") } { print }' "$g" >"$T_TMP/fast_c8.yaml"
awk 'NR==50 { sub(/ev: [a-z]+/, "ev: bogus") } { print }' "$g" >"$T_TMP/fast_c9.yaml"
awk 'NR==50 { sub(/}$/, ", zzz: 1}") } { print }' "$g" >"$T_TMP/fast_c10.yaml"
awk 'NR==50 { sub(/}$/, ", seq: 1}") } { print }' "$g" >"$T_TMP/fast_c11.yaml"
awk 'NR==50 { sub(/^- /, "  - ") } { print }' "$g" >"$T_TMP/fast_c12.yaml"
for f in "$g" "$T_TMP"/fast[0-9]*.yaml "$T_TMP"/fast_c*.yaml; do
    for cmd in "validate" "log" "stats"; do
        "$TRACE_BIN" $cmd "$f" >"$T_TMP/fast.out" 2>&1
        echo "exit $?" >>"$T_TMP/fast.out"
        TICKSCOPE_READER_SLOW=1 "$TRACE_BIN" $cmd "$f" >"$T_TMP/slow.out" 2>&1
        echo "exit $?" >>"$T_TMP/slow.out"
        expect_same "fast and libyaml readers agree: $cmd $(basename "$f")" "$T_TMP/slow.out" \
            "$T_TMP/fast.out"
    done
done

finish validate
