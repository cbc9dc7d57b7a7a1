#!/usr/bin/env bash
# Times `chorus brief` on COUNT perturbed copies of the bundled example, one thread, RUNS runs;
# prints each run and the medians of wall time and peak resident memory.
#   bash bench/brief.sh [COUNT=1000] [RUNS=7]
# Needs a build (bash scripts/test or cmake --build build).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
runs=${2:-7}
corpus=$(mktemp --suffix=.jsonl)
trap 'rm -f "$corpus"' EXIT
./build/bench/make_corpus examples "$count" > "$corpus"
echo "corpus: $count articles, $(du -k "$corpus" | cut -f1) KiB"
times=()
rss=()
for i in $(seq "$runs"); do
  out=$( { /usr/bin/time -f '%e %M' ./build/chorus --threads 1 brief "$corpus" > /dev/null; } 2>&1 | tail -1)
  echo "run $i: ${out% *} s, ${out#* } KiB"
  times+=("${out% *}")
  rss+=("${out#* }")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median: $(median "${times[@]}") s wall, $(median "${rss[@]}") KiB peak RSS"
