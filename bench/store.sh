#!/usr/bin/env bash
# The store under load: builds a store of COUNT synthetic articles (bench/synthetic_news.cpp),
# serves it on loopback and measures GET /api/events and GET /api/events/{id} with wrk
# (requests/s, p99 latency, errors), RUNS times each; prints every run and the medians.
#
#   bash bench/store.sh WORK_DIR [COUNT=100000] [RUNS=3] [SECONDS=10] [DB]
#
# WORK_DIR keeps the articles and the SQLite store, reused when already there. DB, when given,
# is the store to use instead (e.g. postgresql://user@127.0.0.1:5432/db; filled if empty).
# Every event's brief is computed once before measuring (the cached path is what is measured).
# Needs wrk, curl, sqlite3 or psql (scripts/setup) and a build (cmake --build build).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:?usage: bench/store.sh WORK_DIR [COUNT] [RUNS] [SECONDS] [DB]}
count=${2:-100000}
runs=${3:-3}
seconds=${4:-10}
mkdir -p "$work"
db=${5:-$work/store-$count.db}
articles="$work/articles-$count.jsonl"
[ -f "$articles" ] || build/bench/synthetic_news "$count" > "$articles"
sql() {
  case "$db" in
    postgres*) psql -qtA "$db" -c "$1" ;;
    *) sqlite3 "$db" "$1" ;;
  esac
}
if [ "$(sql "SELECT count(*) FROM articles" 2>/dev/null || echo 0)" != "$count" ]; then
  echo "ingest of $count articles, with briefs:" >&2
  /usr/bin/time -f "  %e s wall, %M KiB peak" build/chorus ingest "$articles" --db "$db"
fi
events=$(sql "SELECT max(id) FROM events")
echo "store: $(sql "SELECT count(*) FROM articles") articles, \
$(sql "SELECT count(*) FROM events WHERE merged_into IS NULL") events" >&2

port=18080
build/chorus serve --db "$db" --port "$port" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$work/by_id.lua"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/events?limit=1" >/dev/null && break; sleep 0.1; done
seq "$events" | xargs -P 2 -I{} curl -sf -o /dev/null "http://127.0.0.1:$port/api/events/{}"

# Random event ids (a merged id answers with the event it became).
cat > "$work/by_id.lua" <<EOF
math.randomseed(7)
request = function() return wrk.format("GET", "/api/events/" .. math.random(1, $events)) end
EOF

# One wrk run: "requests/s p99_ms errors".
measure() {
  local out
  out=$(wrk -t2 -c8 -d"${seconds}s" --latency "$@")
  local rps p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {v = $2; if (v ~ /us$/) {sub(/us$/, "", v); v /= 1000} else if (v ~ /ms$/) sub(/ms$/, "", v); else if (v ~ /s$/) {sub(/s$/, "", v); v *= 1000}; print v}' <<<"$out")
  errors=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$out")
  echo "$rps $p99 $errors"
}

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

# RUNS measurements of one URL (or wrk script): each run, then the medians.
report() {
  local name=$1; shift
  local results=()
  for r in $(seq "$runs"); do
    results+=("$(measure "$@")")
    echo "  $name run $r: ${results[-1]}  (requests/s, p99 ms, errors)" >&2
  done
  printf '%s\n' "${results[@]}" > "$work/results"
  echo "$name: median $(cut -d' ' -f1 "$work/results" | median) requests/s, p99 $(cut -d' ' -f2 "$work/results" | median) ms, errors $(awk '{n += $3} END {print n}' "$work/results") (wrk -t2 -c8 -d${seconds}s, $runs runs)"
}
report "GET /api/events" "http://127.0.0.1:$port/api/events"
report "GET /api/events/{id}" -s "$work/by_id.lua" "http://127.0.0.1:$port"
