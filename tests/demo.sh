#!/bin/sh
# tests/demo.sh — the body of `make demo`: record the seeds' main puzzle
# (samples/toutiao_interview_puzzle_003.js) under the default mode (latest spec, node host)
# and under --spec es2017, then render its pictures and the diff into out/, printing the
# paths.
set -e
cd "$(dirname "$0")/.."
mkdir -p out
name=toutiao_interview_puzzle_003
src=samples/$name.js
echo "demo: trace run $src"
./trace run -o out/$name.es2019.yaml "$src" > out/$name.es2019.log
./trace run --spec es2017 -o out/$name.es2017.yaml "$src" > out/$name.es2017.log
./trace validate out/$name.es2019.yaml
./trace validate out/$name.es2017.yaml
./trace stats out/$name.es2019.yaml > out/$name.es2019.stats.txt
./trace graph out/$name.es2019.yaml -o out/$name.graph.svg
./trace graph out/$name.es2019.yaml -o out/$name.graph.png
./trace timeline out/$name.es2019.yaml -o out/$name.timeline.svg
./trace timeline out/$name.es2019.yaml -o out/$name.timeline.png
./trace diff --no-color out/$name.es2017.yaml out/$name.es2019.yaml > out/$name.diff.txt
./trace diff -T svg -o out/$name.diff.svg out/$name.es2017.yaml out/$name.es2019.yaml
./trace why out/$name.es2019.yaml "async1 end" "promise2" > out/$name.why.txt
echo "demo: console output (es2019)"
sed 's/^/    /' out/$name.es2019.log
for f in out/$name.es2019.yaml out/$name.es2017.yaml out/$name.es2019.stats.txt \
         out/$name.graph.svg out/$name.graph.png out/$name.timeline.svg \
         out/$name.timeline.png out/$name.diff.txt out/$name.diff.svg out/$name.why.txt; do
    echo "demo: wrote $f"
done
