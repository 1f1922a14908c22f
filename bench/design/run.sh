#!/usr/bin/env bash
# Imports a 1,000-resource Kubernetes manifest through POST /api/pattern/import
# of a freshly started meshery-server (loopback, throw-away home; one per
# variant: evaluated, then "evaluate": false) N times and
# prints the server-side time of each import (from the access log's duration)
# and curl's total; then runs the design engine micro-benchmarks.
#   bench/design/run.sh [build-dir] [imports]   (defaults: build/dev 20)
set -euo pipefail
build=${1:-build/dev}
count=${2:-20}
root=$(cd "$(dirname "$0")/../.." && pwd)
server="$root/$build/apps/meshery-server/meshery-server"
for tool in curl python3; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing (apt-get install $tool)" >&2; exit 1; }
done
[[ -x "$server" ]] || { echo "run.sh: build $server first" >&2; exit 1; }

work=$(mktemp -d)
pid=""
cleanup() { [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT INT TERM

python3 - "$work" <<'PY'
import base64, json, sys
work = sys.argv[1]
docs = []
for i in range(1000):
    name = f"app-{i}"
    if i % 3 == 0:
        docs.append(f"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {name}\n  namespace: team-{i % 7}\n"
                    f"spec:\n  replicas: 2\n  selector: {{matchLabels: {{app: {name}}}}}\n  template:\n"
                    f"    metadata: {{labels: {{app: {name}}}}}\n    spec:\n      containers:\n"
                    f"      - {{name: web, image: 'nginx:1.25', ports: [{{containerPort: 80}}]}}\n")
    elif i % 3 == 1:
        docs.append(f"apiVersion: v1\nkind: Service\nmetadata: {{name: {name}}}\nspec:\n"
                    f"  selector: {{app: {name}}}\n  ports: [{{port: 80}}]\n")
    else:
        docs.append(f"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: {name}}}\ndata: {{key: value}}\n")
text = "---\n".join(docs)
open(f"{work}/manifest.yaml", "w").write(text)
request = {"file": base64.b64encode(text.encode()).decode(), "file_name": "big.yaml", "save": True}
json.dump(request, open(f"{work}/request.json", "w"))
json.dump(dict(request, evaluate=False), open(f"{work}/request-plain.json", "w"))
print(f"manifest: 1000 resources, {len(text)} bytes")
PY

# Each variant gets a fresh server and database, so that neither is timed
# against the other's stored designs: the import as it is by default
# (relationships evaluated before saving), then with "evaluate": false (the
# import alone).
for request in request request-plain; do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  MESHERY_HOME="$work/home-$request" "$server" --port "$port" --log-format json \
    >"$work/server-$request.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$port/healthz/ready" >/dev/null && break; sleep 0.05; done
  # Three imports first, not counted: a running server has its heap and
  # caches warm (the first imports of a fresh process fault their memory in).
  for i in 1 2 3; do
    curl -s -o /dev/null -H 'Content-Type: application/json' --data-binary @"$work/$request.json" \
      "http://127.0.0.1:$port/api/pattern/import"
  done
  for i in $(seq 1 "$count"); do
    curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' \
      --data-binary @"$work/$request.json" "http://127.0.0.1:$port/api/pattern/import" \
      >>"$work/curl-$request.txt"
  done
  kill "$pid" && wait "$pid" || true
  pid=""
done
python3 - "$work" <<'PY'
import json, statistics, sys
work = sys.argv[1]
def server_times(request):
    times = []
    for line in open(f"{work}/server-{request}.log"):
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("path") == "/api/pattern/import" and "duration_ms" in entry:
            times.append(float(entry["duration_ms"]))
    return times[3:]  # after the warm-up
client = [float(x) * 1000 for x in open(f"{work}/curl-request.txt")]
def show(name, values):
    if not values:
        print(f"{name}: no samples"); return
    values.sort()
    p = lambda q: values[min(len(values) - 1, int(q * len(values)))]
    print(f"{name}: n={len(values)} median={statistics.median(values):.1f} ms p90={p(0.9):.1f} ms min={values[0]:.1f} ms")
show("server time per import, relationships evaluated (access log)", server_times("request"))
show("server time per import, \"evaluate\": false (access log)", server_times("request-plain"))
show("curl total per import, relationships evaluated", client)
PY

bench="$root/$build/bench/design_import_bench"
[[ -x "$bench" ]] && "$bench" --benchmark_min_time=1
