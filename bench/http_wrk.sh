#!/usr/bin/env bash
# Load test of meshery-server's cheapest routes with wrk, on loopback only.
# Starts the built server on a free port with a throw-away MESHERY_HOME,
# runs wrk against each route for a bounded time, prints req/s and p99,
# and stops the server. Usage: bench/http_wrk.sh [build-dir] [seconds]
set -euo pipefail
build_dir=${1:-build/dev}
seconds=${2:-10}
connections=${WRK_CONNECTIONS:-64}
threads=${WRK_THREADS:-2}
server="$build_dir/apps/meshery-server/meshery-server"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[[ -x "$server" ]] || { echo "build first: $server is missing" >&2; exit 1; }

home=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
       || shuf -i 20000-60000 -n 1)
MESHERY_HOME="$home" "$server" --port "$port" --access-log=false --log-level warn &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$home"' EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz/ready" >/dev/null 2>&1 && break
  sleep 0.1
done

printf '%-24s %12s %10s %10s\n' route "req/s" "p50" "p99"
for route in /api/system/version /healthz/live; do
  out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port$route")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
  printf '%-24s %12s %10s %10s\n' "$route" "$rps" "$p50" "$p99"
  [[ -z "$errors" ]] || echo "  $errors"
done
