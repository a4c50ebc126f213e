#!/bin/sh
# tests/tools/chromium_run.sh — run one JavaScript file in Debian's headless Chromium and
# print its console.log lines on stdout, exactly, one per line (the browser reference of
# tests/e2e/host.sh, issue 5).
#
#   sh tests/tools/chromium_run.sh [-w SECONDS] FILE.js|FILE.mjs
#
# The program runs as a classic <script src> of a page in a fresh temporary directory
# (FILE.mjs: as an inline <script type="module">, see below), loaded from a file:// URL,
# in a fresh profile (--user-data-dir=<new temp dir>), with
# --headless --no-sandbox --disable-gpu --disable-background-networking
# --disable-component-update --no-first-run. console.log/info/debug are wrapped so each
# line reaches Chromium's stderr log as one JSON string ("TICKSCOPE-OUT <json>"), which
# this script decodes; an uncaught exception is printed as the browser reports it
# ("Uncaught ReferenceError: setImmediate is not defined", read from its own console
# message) on stderr. console.log's
# arguments are joined with spaces after String() (enough for the samples, which print
# strings and numbers). Once the page has loaded, the program is given -w SECONDS
# (default 1) of real time, then Chromium is stopped: programs whose timers run longer
# need a larger -w.
#
# Exit status: 0 when the page ran, 77 when no chromium binary is available (the caller
# reports "skipped", never "passed"), 1 on any other problem. Install with
# `apt-get install -y chromium` (Debian package names: chromium, chromium-common).
set -u
wait_s=1
if [ "${1:-}" = "-w" ]; then
    wait_s=$2
    shift 2
fi
if [ $# -ne 1 ] || [ ! -f "$1" ]; then
    echo "usage: chromium_run.sh [-w SECONDS] FILE.js|FILE.mjs" >&2
    exit 1
fi
bin=""
for c in chromium chromium-browser google-chrome; do
    if command -v "$c" >/dev/null 2>&1; then
        bin=$(command -v "$c")
        break
    fi
done
[ -n "$bin" ] || exit 77
command -v node >/dev/null 2>&1 || { echo "chromium_run.sh: node is needed to decode" >&2; exit 1; }

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT INT TERM
# a classic script loads from its file; an ES module (.mjs) is inlined as
# <script type="module">: Chromium refuses module scripts from file:// URLs (CORS, origin
# null), while an inline module runs as one (top-level await, strict mode, `this`
# undefined, deferred until the document is parsed). "</script" inside the program would
# end the element: it is written "<\/script", which means the same in JS strings,
# regular expressions and comments.
case $1 in
*.mjs)
    prog_tag=$(printf '<script type="module">\n%s\n</script>' "$(sed 's#</script#<\\/script#g' "$1")")
    ;;
*)
    cp "$1" "$dir/prog.js"
    prog_tag='<script src="prog.js"></script>'
    ;;
esac
cat >"$dir/index.html" <<'EOF'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>tickscope</title>
<script>
(function () {
  var orig = console.log.bind(console);
  function wrap() {
    var s = Array.prototype.map.call(arguments, String).join(' ');
    orig('TICKSCOPE-OUT ' + JSON.stringify(s));
  }
  console.log = console.info = console.debug = wrap;
  /* the page has loaded: from here the runner gives the program its -w seconds (a
     listener of the load task, so no task of its own is added) */
  window.addEventListener('load', function () { orig('TICKSCOPE-LOADED'); });
})();
</script>
</head><body>
EOF
printf '%s\n</body></html>\n' "$prog_tag" >>"$dir/index.html"
mkdir "$dir/profile"
timeout -k 2 "$((wait_s + 25))" "$bin" --headless --no-sandbox --disable-gpu \
    --disable-background-networking --disable-component-update --no-first-run \
    --disable-dev-shm-usage --user-data-dir="$dir/profile" \
    --enable-logging=stderr --v=0 --log-level=0 \
    "file://$dir/index.html" >"$dir/stdout" 2>"$dir/stderr" &
pid=$!
# wait (at most 20 s) until the page has loaded, then -w more seconds
n=0
while [ "$n" -lt 200 ] && ! grep -q "TICKSCOPE-LOADED" "$dir/stderr" 2>/dev/null; do
    sleep 0.1
    n=$((n + 1))
done
sleep "$wait_s"
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
# Chromium logs `[...:INFO:CONSOLE:8] "TICKSCOPE-OUT "text"", source: file:///... (8)`
# (the message is not escaped; older versions write CONSOLE(8)): the JSON text after the
# marker, up to the last `", source: `, is decoded.
node -e '
const lines = require("fs").readFileSync(process.argv[1], "utf8").split("\n");
for (const l of lines) {
  // our lines: the message is the JSON of the text, quoted without escaping
  let m = /:CONSOLE[:(][0-9]+\)?\] "TICKSCOPE-OUT (.*)", source: /.exec(l);
  if (m) { process.stdout.write(JSON.parse(m[1]) + "\n"); continue; }
  // uncaught errors as the browser reports them
  m = /:CONSOLE[:(][0-9]+\)?\] "(Uncaught .*)", source: /.exec(l);
  if (m) process.stderr.write(m[1] + "\n");
}
' "$dir/stderr"
rc=$?
exit "$rc"
