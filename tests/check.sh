#!/bin/sh
# tests/check.sh — the body of `make check`, run after both builds exist.
# Runs every layer in the release build, then again in the ASan+UBSan build:
#   1. cmocka unit binaries (build/*/tests/test_*)
#   2. end-to-end suites (tests/e2e/*.sh), each printing "suite: N passed, M failed"
# and ends with one line "N passed, M failed" for the whole run; exit 1 on any failure.
# TRACE_GC_STRESS=1 runs of the JS suites are part of the e2e suites themselves.
set -u
cd "$(dirname "$0")/.."
# Graphviz and fontconfig keep process-lifetime caches that LeakSanitizer reports;
# tests/lsan.supp suppresses exactly those two libraries.
LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export LSAN_OPTIONS
total_pass=0
total_fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

count_cmocka() { # $1 = binary; adds its PASSED/FAILED counts
    "$1" >"$log" 2>&1
    rc=$?
    cat "$log"
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
    p=${p:-0}; f=${f:-0}
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        echo "check: $1 exited with status $rc" >&2
        f=1
    fi
    total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
}

count_suite() { # $1 = suite script, $2 = trace binary, $3 = label
    TRACE_BIN="$2" TRACE_BUILD_LABEL="$3" sh "$1" >"$log" 2>&1
    rc=$?
    cat "$log"
    line=$(grep -E '^[a-z0-9_-]+: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    p=$(echo "$line" | sed -n 's/.*: \([0-9]*\) passed.*/\1/p'); p=${p:-0}
    f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p'); f=${f:-0}
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        echo "check: $1 exited with status $rc" >&2
        f=1
    fi
    total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
}

for build in release asan; do
    bin=build/$build/trace
    [ "$build" = release ] && bin=./trace
    echo "=== $build build: unit tests"
    for t in build/$build/tests/test_*; do
        case "$t" in *.d) continue ;; esac
        [ -x "$t" ] || continue
        count_cmocka "$t"
    done
    echo "=== $build build: end-to-end tests"
    for s in tests/e2e/*.sh; do
        [ -f "$s" ] || continue
        count_suite "$s" "$bin" "$build"
    done
done

echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
