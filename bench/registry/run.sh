#!/usr/bin/env bash
# Registry benchmark: import time of 100 models x 100 components (10,000
# components with realistic schemas) and wrk latency of the registry read
# routes, on loopback only. Generates the models in a temp dir (python3),
# starts the built server on a free port with a throw-away MESHERY_HOME,
# reports the "models loaded" time and boot-to-ready wall time, runs wrk
# against each route for a bounded time and stops the server.
# Usage: bench/registry/run.sh [build-dir] [seconds]
# Env: BENCH_MODELS, BENCH_COMPONENTS (100, 100), WRK_THREADS (2),
#      WRK_CONNECTIONS (100), READY_TIMEOUT seconds (120).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build_dir=${1:-build/dev}
seconds=${2:-10}
models=${BENCH_MODELS:-100}
per_model=${BENCH_COMPONENTS:-100}
threads=${WRK_THREADS:-2}
connections=${WRK_CONNECTIONS:-100}
ready_timeout=${READY_TIMEOUT:-120}
server="$build_dir/apps/meshery-server/meshery-server"
template="$build_dir/models/kubernetes/v1.13.0/v1.0.0"

command -v python3 >/dev/null || { echo "python3 is missing (needed to generate the models): apt-get install python3" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is missing: apt-get install curl" >&2; exit 1; }
[[ -x "$server" ]] || { echo "build first: $server is missing" >&2; exit 1; }
[[ -f "$template/model.json" ]] || { echo "bundled kubernetes model missing: $template (build first)" >&2; exit 1; }

work=$(mktemp -d)
pid=
cleanup() {
  if [[ -n "$pid" ]]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "generating $models models x $per_model components in $work/models ..."
python3 "$here/make_models.py" "$template" "$work/models" "$models" "$per_model"
echo "  $(find "$work/models" -name '*.json' -path '*components*' | wc -l) component files, $(du -sh "$work/models" | cut -f1) on disk"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/home"
# Warm the page cache so the import measures parsing, not the disk.
cat "$work"/models/*/*/*/components/*.json >/dev/null

started=$(date +%s%N)
MESHERY_HOME="$work/home" "$server" --port "$port" --models-dir "$work/models" \
  --access-log=false --log-level info >"$work/server.log" 2>&1 &
pid=$!
ready=
deadline=$(( $(date +%s) + ready_timeout ))
while (( $(date +%s) < deadline )); do
  if curl -fsS "http://127.0.0.1:$port/healthz/ready" >/dev/null 2>&1; then ready=1; break; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
boot_ms=$(( ($(date +%s%N) - started) / 1000000 ))
if [[ -z "$ready" ]]; then
  echo "server not ready after ${ready_timeout}s; its log:" >&2
  tail -n 20 "$work/server.log" >&2
  exit 1
fi

loaded=$(grep -m1 'models loaded' "$work/server.log" || true)
field() { sed -nE "s/.*\"?$1\"?[=:] *\"?([0-9]+).*/\1/p" <<<"$loaded"; }
echo
echo "import (server 'models loaded'): $(field milliseconds) ms  models=$(field models) components=$(field components) failures=$(field failures)"
echo "boot to /healthz/ready:         ${boot_ms} ms"
rss=$(awk '/VmRSS/ {print $2, $3}' "/proc/$pid/status" 2>/dev/null || true)
[[ -z "$rss" ]] || echo "server RSS after import:        $rss"

mid_model=$(( models / 2 )); mid_kind="Kind${mid_model}x$(( per_model / 2 ))"
routes=(
  "kind|/api/registry/components/$mid_kind"
  "model+kind|/api/registry/models/model-$mid_model/components/$mid_kind?trim=true"
  "search|/api/registry/components?search=kind5&pagesize=25&trim=true"
)
echo
for entry in "${routes[@]}"; do
  route=${entry#*|}
  bytes=$(curl -fsS "http://127.0.0.1:$port$route" | wc -c)
  count=$(curl -fsS "http://127.0.0.1:$port$route" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("total_count"), len(d.get("components") or []))')
  echo "${entry%%|*}: $route -> ${bytes} bytes, total_count/returned $count"
done
echo
echo "wrk -t$threads -c$connections -d${seconds}s (wrk shares the CPUs with the server)"
printf '%-12s %10s %10s %10s %s\n' route "req/s" "p50" "p99" "non-2xx/errors"
for entry in "${routes[@]}"; do
  name=${entry%%|*}; route=${entry#*|}
  out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s --latency "http://127.0.0.1:$port$route")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {printf "non-2xx %s ", $NF} /Socket errors/ {sub(/.*Socket errors: /, ""); printf "socket %s", $0}' <<<"$out")
  printf '%-12s %10s %10s %10s %s\n' "$name" "$rps" "$p50" "$p99" "${errors:-0}"
done
