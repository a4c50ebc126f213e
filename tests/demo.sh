#!/bin/sh
# tests/demo.sh — the body of `make demo`: trace a seed puzzle and render its pictures
# into out/, printing the paths.
#
# NOTE: until `trace run` executes promises and timers (issues 3-5), the demo renders
# tests/traces/seed_async_order.es2019.yaml, a hand-written fixture trace of the seed
# puzzle samples/toutiao_interview_puzzle_003.js (see its header comment).
set -e
cd "$(dirname "$0")/.."
mkdir -p out
name=seed_async_order
trace_file=out/$name.es2019.yaml
cp tests/traces/$name.es2019.yaml "$trace_file"
echo "demo: using the hand-written fixture trace (the interpreter does not run promises yet)"
./trace validate "$trace_file"
./trace log "$trace_file" > out/$name.es2019.log
./trace stats "$trace_file" > out/$name.es2019.stats.txt
./trace graph "$trace_file" -o out/$name.graph.svg
./trace graph "$trace_file" -o out/$name.graph.png
./trace timeline "$trace_file" -o out/$name.timeline.svg
./trace timeline "$trace_file" -o out/$name.timeline.png
echo "demo: console output  out/$name.es2019.log"
cat out/$name.es2019.log | sed 's/^/    /'
for f in "$trace_file" out/$name.es2019.stats.txt out/$name.graph.svg out/$name.graph.png \
         out/$name.timeline.svg out/$name.timeline.png; do
    echo "demo: wrote $f"
done
