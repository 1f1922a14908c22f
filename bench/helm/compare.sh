#!/usr/bin/env bash
# `mesheryctl chart template` against a real `helm template` (v3.17.2, as
# scripts/helm-reference installs it) on the benchmark's chart: 50
# templates and a subchart. Both run N times as separate processes, as a
# user runs them; prints each one's median wall time and checks that the
# outputs are identical. Loopback and local files only.
# Usage: bench/helm/compare.sh [BUILD_DIR] [N]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/dev}
runs=${2:-20}
helm=${MESHERY_HELM_REFERENCE:-$root/.cache/helm-reference/helm}
[[ -x "$helm" ]] || "$root/scripts/helm-reference"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/bench/helm_chart_bench" --write-chart "$work/app"
args=(template "$work/app" --set replicaCount=3,sub.enabled=true --kube-version 1.20.0)
"$helm" "${args[@]}" >"$work/helm.txt"
"$build/apps/mesheryctl/mesheryctl" chart "${args[@]}" >"$work/ours.txt"
if cmp -s "$work/helm.txt" "$work/ours.txt"; then
  echo "outputs identical ($(wc -c <"$work/ours.txt") bytes)"
else
  echo "outputs differ:" >&2
  diff "$work/helm.txt" "$work/ours.txt" | head -20 >&2
  exit 1
fi
median() {
  local times=()
  for ((i = 0; i < runs; i++)); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$((runs / 2 + 1))p"
}
helm_us=$(median "$helm" "${args[@]}")
ours_us=$(median "$build/apps/mesheryctl/mesheryctl" chart "${args[@]}")
awk -v h="$helm_us" -v o="$ours_us" -v n="$runs" 'BEGIN {
  printf "helm template:               %6.1f ms (median of %d)\n", h / 1000, n
  printf "mesheryctl chart template:   %6.1f ms (median of %d)\n", o / 1000, n
}'
