#!/usr/bin/env bash
# Response times and sizes of the meeting slice's reads on one alliance with N meetings (issue 10 §5), for one or more
# builds of the server on the same seeded database:
#   ops/measure/meetings.sh [meetings] <label>=<governance.dll> [<label>=<governance.dll> …]
# e.g. ops/measure/meetings.sh 500 after=src/Governance.Api/bin/Release/net10.0/governance.dll before=/tmp/base/…/governance.dll
# Seeds through the Ledger (meetings-seed.cs: a throw-away PostgreSQL cluster, fsync on), then per build: starts it,
# waits for the async daemon, and GETs each path 20 times after 3 warm-ups (p50, p95, bytes), then 200 GETs of the
# meetings list 8 at a time (requests/s; curl's start-up counts, so it is a floor). Run the new build first: its daemon
# writes the deadline documents in their current shape, which an older build reads too.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
count=500
if [[ ${1:-} =~ ^[0-9]+$ ]]; then count=$1; shift; fi
work=$(mktemp -d)
db="$work/db"
dotnet run -c Release "$root/ops/measure/meetings-seed.cs" -- "$count" "$db" > "$work/seed.log" 2>&1 &
seeder=$!
trap 'touch "$db.stop"; wait $seeder 2>/dev/null || true' EXIT
until [[ -f $db ]]; do kill -0 $seeder 2>/dev/null || { cat "$work/seed.log"; exit 1; }; sleep 2; done
tail -1 "$work/seed.log"
port=5190
paths=(
  "/api/v1/alliances/meting/meetings"
  "/api/v1/alliances/meting/meetings?pageSize=200"
  "/allianties/meting/vergaderingen?jaar=2026"
  "/allianties/meting/vergaderingen/vergadering-250"
  "/allianties/meting/termijnen"
  "/api/v1/alliances/meting/calendar.ics"
  "/api/v1/alliances/meting/partners/ymere/punctuality"
  "/api/v1/alliances/meting"
  "/allianties/meting"
)
printf '%-8s %-52s %6s %8s %8s %9s\n' build path status p50_ms p95_ms bytes
for build in "$@"; do
  label=${build%%=*}; dll=${build#*=}; port=$((port + 1)); base="http://127.0.0.1:$port"
  GOVERNANCE_DB=$(cat "$db") Logging__LogLevel__Default=Warning \
    dotnet "$dll" serve --urls "$base" --environment Demo > "$work/$label.log" 2>&1 &
  server=$!
  for _ in $(seq 120); do curl -sf "$base/health" > /dev/null && break; sleep 1; done
  sleep 20   # the async daemon: deadline documents for Termijnen and punctuality
  for p in "${paths[@]}"; do
    for _ in 1 2 3; do curl -s -o /dev/null "$base$p"; done
    times=()
    for _ in $(seq 20); do
      read -r code t size < <(curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}\n' "$base$p")
      times+=("$t")
    done
    sorted=$(printf '%s\n' "${times[@]}" | sort -g)
    printf '%-8s %-52s %6s %8.1f %8.1f %9s\n' "$label" "$p" "$code" \
      "$(echo "$(echo "$sorted" | sed -n 10p)*1000" | bc)" "$(echo "$(echo "$sorted" | sed -n 19p)*1000" | bc)" "$size"
  done
  start=$(date +%s.%N)
  seq 200 | xargs -P 8 -I{} curl -s -o /dev/null "$base/api/v1/alliances/meting/meetings"
  echo "$label: meetings list, 200 GETs 8 at a time: $(echo "scale=1; 200/($(date +%s.%N)-$start)" | bc) requests/s"
  kill $server; wait $server 2>/dev/null || true
done
