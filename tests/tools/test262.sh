#!/bin/sh
# tests/tools/test262.sh — runs a local copy of tc39/test262 (never committed, not part of
# `make check`) through `trace run`, as the suite's INTERPRETING.md says: the harness
# files assert.js and sta.js (plus doneprintHandle.js for `async` tests and each test's
# `includes`) are prepended; tests without `onlyStrict`/`noStrict`/`raw` run twice, the
# second time with a "use strict" directive first; `raw` tests run as they are; an
# `async` test passes when it prints `Test262:AsyncTestComplete` (and no
# `Test262:AsyncTestFailure`); a `negative` test passes when it fails in its phase (parse:
# a SyntaxError before anything runs; runtime: an uncaught exception of its type).
#
#   TEST262_DIR=/tmp/t262 sh tests/tools/test262.sh [DIR...]
#
# TEST262_DIR is a test262 checkout or an extract of one (`git archive HEAD harness test/...`);
# DIRs are relative to it (default: the Promise, await, async-function, async-generator and
# for-await-of directories of issue 4). Without TEST262_DIR (or without its harness/) the
# script says so and exits 0. Other variables: TRACE_BIN (default build/release's ./trace),
# TEST262_OUT (the per-test result list, default $TMPDIR/test262.results: one line
# `PASS|FAIL|SKIP path [mode: why]`), TEST262_KNOWN (a list of known failing paths, one a
# line, `#` comments: default tests/tools/test262.known when it exists), TEST262_JOBS
# (parallel runs, default 2).
#
# Prints one line per directory (`passed/total`, failures, skips), then, with a known list,
# the failures not in it and the known failures that now pass. Exit status: 1 when a test
# fails that the known list does not name (or, without a list, when any test fails).
#
# Tests run as classic scripts, as test262 means them: `trace run --host browser` (top-level
# var and function declarations are properties of the global object, top-level `this` is
# it), with `--timeout 10`; the verdict is read from stderr (a rejection left unhandled is
# not an error in test262). The prelude defines the host hooks test262 expects: `print`
# (console.log) and a `$262` with `global` and `gc`; `createRealm`, `evalScript`,
# `detachArrayBuffer` and `agent` are missing, so tests that need them fail and are
# classified by their `features` in the results.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
if [ -z "${TEST262_DIR:-}" ] || [ ! -f "${TEST262_DIR:-}/harness/assert.js" ]; then
    echo "test262: TEST262_DIR is not set or has no harness/assert.js: skipped"
    echo "  (e.g. git --git-dir=TEST262.git archive HEAD harness test/built-ins/Promise | tar -x -C /tmp/t262)"
    exit 0
fi
T=$(cd "$TEST262_DIR" && pwd)
bin=${TRACE_BIN:-$root/trace}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
[ -x "$bin" ] || { echo "test262: no binary at $bin (make, or set TRACE_BIN)" >&2; exit 2; }
out=${TEST262_OUT:-${TMPDIR:-/tmp}/test262.results}
known=${TEST262_KNOWN:-$root/tests/tools/test262.known}
jobs=${TEST262_JOBS:-2}
if [ $# -eq 0 ]; then
    set -- test/built-ins/Promise test/language/expressions/await \
        test/language/statements/async-function test/language/expressions/async-function \
        test/language/expressions/async-arrow-function \
        test/language/statements/async-generator test/language/expressions/async-generator \
        test/language/statements/for-await-of test/built-ins/AsyncGeneratorPrototype \
        test/built-ins/AsyncFromSyncIteratorPrototype
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/test262.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

cat >"$work/prelude.js" <<'EOF'
var print = function (message) { console.log(String(message)); };
var $262 = { global: globalThis, gc: function () {} };
EOF

# one_test REL: runs the test in each mode it needs; prints its result line.
cat >"$work/one.sh" <<'EOF'
#!/bin/sh
# $1 test262 dir, $2 relative path, $3 work dir, $4 binary
T=$1 rel=$2 work=$3 bin=$4
f=$T/$rel
tmp=$(mktemp -d "$work/t.XXXXXX")
# The front matter: flags, includes, negative phase and type, features (flow or block lists).
awk '
    /\/\*---/ { fm = 1; next }
    /---\*\// { fm = 0; exit }
    !fm { next }
    /^[a-zA-Z]+:/ { key = $0; sub(/:.*/, "", key); val = $0; sub(/^[a-zA-Z]+:[ \t]*/, "", val)
        if (key == "negative") { neg = 1; next }
        if (neg && key != "phase" && key != "type") neg = 0
        if (val ~ /^\[/) { gsub(/[][,]/, " ", val); print key, val } else if (val != "" && val !~ /^[|>]/) print key, val
        next }
    neg && /^[ \t]+(phase|type):/ { l = $0; sub(/^[ \t]+/, "", l); k = l; sub(/:.*/, "", k); v = l; sub(/^[a-z]+:[ \t]*/, "", v); print k, v; next }
    /^[ \t]+- / && (key == "includes" || key == "flags" || key == "features") { v = $0; sub(/^[ \t]+- */, "", v); print key, v }
' "$f" >"$tmp/fm"
flags=$(awk '$1 == "flags" { $1 = ""; print }' "$tmp/fm")
includes=$(awk '$1 == "includes" { $1 = ""; print }' "$tmp/fm")
phase=$(awk '$1 == "phase" { print $2 }' "$tmp/fm")
type=$(awk '$1 == "type" { print $2 }' "$tmp/fm")
features=$(awk '$1 == "features" { $1 = ""; print }' "$tmp/fm" | tr -s ' ' ' ' | sed 's/^ //; s/ $//; s/ /,/g')
has() { case " $flags " in *" $1 "*) return 0 ;; esac; return 1; }
if has module || has CanBlockIsTrue; then
    echo "SKIP $rel [module or CanBlockIsTrue]"; rm -rf "$tmp"; exit 0
fi
modes="sloppy strict"
has onlyStrict && modes=strict
has noStrict && modes=sloppy
has raw && modes=raw
result=PASS why=""
for mode in $modes; do
    src=$tmp/test.js
    : >"$src"
    [ "$mode" = strict ] && printf '"use strict";\n' >>"$src"
    if [ "$mode" != raw ]; then
        cat "$work/prelude.js" "$T/harness/assert.js" "$T/harness/sta.js" >>"$src"
        has async && cat "$T/harness/doneprintHandle.js" >>"$src"
        for i in $includes; do cat "$T/harness/$i" >>"$src"; done
    fi
    cat "$f" >>"$src"
    (cd "$tmp" && "$bin" run -o /dev/null --host browser --timeout 10 test.js) \
        >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
    # what went wrong, from the browser host's stderr: a SyntaxError before the run
    # ("test.js:L:C: SyntaxError: ..."), an uncaught exception ("Uncaught X: ..."); an
    # unhandled rejection ("Uncaught (in promise) ...") is not an error here
    parse_err=$(grep -m1 -E '^test\.js:[0-9]+:[0-9]+: [A-Za-z]*Error' "$tmp/err")
    uncaught=$(grep -m1 -E '^Uncaught ' "$tmp/err" | grep -v '^Uncaught (in promise)')
    ok=0
    if [ -n "$phase" ]; then
        if [ "$phase" = parse ] || [ "$phase" = early ]; then
            case $parse_err in *": $type"*) ok=1 ;; esac
        else
            case $uncaught in "Uncaught $type"*) ok=1 ;; esac
        fi
    elif [ $rc -le 1 ] && [ -z "$parse_err" ] && [ -z "$uncaught" ]; then
        if has async; then
            grep -q '^Test262:AsyncTestComplete$' "$tmp/out" &&
                ! grep -q 'Test262:AsyncTestFailure' "$tmp/out" && ok=1
        else
            ok=1
        fi
    fi
    if [ $ok = 0 ]; then
        result=FAIL
        msg=$(cat "$tmp/out" "$tmp/err" | grep -v '^$' | grep -m1 -E 'Error|Test262|error|Uncaught|limit' | cut -c1-160)
        [ -n "$msg" ] || msg="exit $rc"
        why="$mode: $msg"
        break
    fi
done
[ -n "$features" ] && why="$why {$features}"
echo "$result $rel${why:+ [$why]}"
rm -rf "$tmp"
EOF

: >"$work/list"
for d in "$@"; do
    [ -d "$T/$d" ] || { echo "test262: no directory $d in $T" >&2; continue; }
    (cd "$T" && find "$d" -name '*.js' ! -name '*_FIXTURE.js' | sort) >>"$work/list"
done
xargs -P "$jobs" -I{} sh "$work/one.sh" "$T" {} "$work" "$bin" <"$work/list" | sort -k2 >"$out"

fail=0
for d in "$@"; do
    awk -v d="$d/" 'index($2, d) == 1 { n++; if ($1 == "PASS") p++; else if ($1 == "FAIL") f++; else s++ }
        END { printf "%-55s %5d/%-5d passed, %d failed, %d skipped\n", substr(d, 1, length(d) - 1), p, n, f, s }' "$out"
done
awk '{ n++; c[$1]++ } END { printf "%-55s %5d/%-5d passed, %d failed, %d skipped\n", "total", c["PASS"], n, c["FAIL"], c["SKIP"] }' "$out"
echo "results: $out"
awk '$1 == "FAIL" { print $2 }' "$out" >"$work/failed"
if [ -f "$known" ]; then
    sed 's/#.*//; s/[ \t]*$//; /^$/d' "$known" | sort -u >"$work/known"
    sort -u "$work/failed" >"$work/failed.s"
    new=$(comm -23 "$work/failed.s" "$work/known")
    # a known failure passes now only if it was run
    awk '{ print $2 }' "$out" | sort -u >"$work/ran"
    fixed=$(comm -12 "$work/known" "$work/ran" | comm -23 - "$work/failed.s")
    if [ -n "$new" ]; then
        echo "new failures (not in $known):"
        for p in $new; do grep -F " $p " "$out" | sed 's/^/  /' || echo "  $p"; done
        fail=1
    fi
    [ -z "$fixed" ] || { echo "known failures that pass now (remove them from $known):"; echo "$fixed" | sed 's/^/  /'; }
else
    [ -s "$work/failed" ] && fail=1
fi
exit $fail
