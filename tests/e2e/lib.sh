# tests/e2e/lib.sh — sourced by every end-to-end suite. Provides the counters and the
# assertions; a suite ends with `finish SUITE-NAME`, which prints
# "SUITE-NAME: N passed, M failed" (the line tests/check.sh adds up) and sets the status.
# TRACE_BIN is the binary under test (./trace or build/asan/trace).
: "${TRACE_BIN:=./trace}"
T_PASS=0
T_FAIL=0
T_TMP=$(mktemp -d)
trap 'rm -rf "$T_TMP"' EXIT

pass() { T_PASS=$((T_PASS + 1)); }
fail() { T_FAIL=$((T_FAIL + 1)); echo "FAIL: $*"; }

# expect_status WANT NAME -- CMD...: run CMD, compare its exit status.
expect_status() {
    want=$1; name=$2; shift 3
    "$@" >"$T_TMP/out" 2>"$T_TMP/err"
    got=$?
    if [ "$got" -eq "$want" ]; then pass; else
        fail "$name: exit status $got, expected $want"; sed 's/^/  | /' "$T_TMP/err" | head -n 5
    fi
}

# expect_grep FILE PATTERN NAME: the last command's stdout/stderr (out/err) contains PATTERN.
expect_grep() {
    if grep -qF -- "$2" "$T_TMP/$1"; then pass; else
        fail "$3: $1 lacks '$2'"; sed 's/^/  | /' "$T_TMP/$1" | head -n 5
    fi
}

# expect_same NAME EXPECTED-FILE ACTUAL-FILE: byte equality, with the first difference.
expect_same() {
    if cmp -s "$2" "$3"; then pass; else
        fail "$1: output differs from $2"; diff "$2" "$3" | head -n 6 | sed 's/^/  | /'
    fi
}

finish() {
    echo "$1: $T_PASS passed, $T_FAIL failed"
    [ "$T_FAIL" -eq 0 ]
}
