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

finish cli
