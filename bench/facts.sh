#!/usr/bin/env bash
# What the facts stage (entities, quantities, dates, quotes, comparison, timeline, framing)
# adds to `chorus brief` (issue 6: under 20%). INPUT is COUNT perturbed copies of the bundled
# example, a JSONL file of real articles (e.g. ECB+'s, bench/events/ecbplus.py) or a folder of
# articles (examples/: one small event), read as one event; one thread; RUNS runs with and without --no-facts, alternating, so that both see the
# same machine; prints each run and the medians. With --instructions, also counts
# instructions with valgrind (repeatable whatever the machine is doing) on the same input.
#   bash bench/facts.sh [INPUT=1000] [RUNS=7] [--instructions]
# Needs a build (bash scripts/test or cmake --build build).
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:-1000}
runs=${2:-7}
corpus=$(mktemp --suffix=.jsonl)
cg=$(mktemp -d)  # callgrind's outputs
trap 'rm -rf "$cg"; if [ -f "$corpus" ]; then rm -f "$corpus"; fi' EXIT
if [ -d "$input" ]; then
  # A folder of articles (e.g. examples/, one small event): read as it is.
  rm -f "$corpus"
  corpus=${input%/}
elif [ -f "$input" ]; then
  cp "$input" "$corpus"
else
  ./build/bench/make_corpus examples "$input" > "$corpus"
fi
if [ -d "$corpus" ]; then
  echo "corpus: $(ls "$corpus" | wc -l) files in $corpus, $(du -sk "$corpus" | cut -f1) KiB"
else
  echo "corpus: $(wc -l < "$corpus") articles, $(du -k "$corpus" | cut -f1) KiB"
fi
with=()
without=()
# Wall time in milliseconds (bash's `time`; /usr/bin/time rounds to 10 ms, a few percent of
# these runs). chorus exits with 1 when it skipped an input (an article without words): still
# timed.
wall() {
  local TIMEFORMAT=%3R
  { time ./build/chorus --threads 1 brief "$corpus" "$@" >/dev/null 2>&1 || true; } 2>&1 | tail -1
}
for i in $(seq "$runs"); do
  a=$(wall --no-facts)
  b=$(wall)
  echo "run $i: without facts ${a} s, with facts ${b} s"
  without+=("$a")
  with+=("$b")
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
m0=$(median "${without[@]}")
m1=$(median "${with[@]}")
echo "median wall: without facts ${m0} s, with facts ${m1} s, facts add $(awk -v a="$m0" -v b="$m1" 'BEGIN {printf "%.1f", 100*(b-a)/a}')%"
if [ "${3:-}" = "--instructions" ]; then
  for mode in without with; do
    flag=""
    [ "$mode" = without ] && flag="--no-facts"
    valgrind --tool=callgrind --callgrind-out-file="$cg/$mode" \
      ./build/chorus --threads 1 brief "$corpus" $flag >/dev/null 2>&1 || true
  done
  i0=$(callgrind_annotate "$cg/without" | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
  i1=$(callgrind_annotate "$cg/with" | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
  echo "instructions: without facts $i0, with facts $i1, facts add $(awk -v a="$i0" -v b="$i1" 'BEGIN {printf "%.1f", 100*(b-a)/a}')%"
fi
