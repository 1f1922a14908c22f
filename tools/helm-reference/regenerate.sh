#!/usr/bin/env bash
# Rewrites the expected outputs of tests/golden/helm/charts/cases.tsv with a
# real helm: what it prints, or for an error case what it prints through its
# "Error:" line. Usage: tools/helm-reference/regenerate.sh [HELM]
# (default: .cache/helm-reference/helm, installed by scripts/helm-reference).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
helm=${1:-$root/.cache/helm-reference/helm}
cd "$root/tests/golden/helm/charts"
while IFS=$'\t' read -r golden expect_error args; do
  [[ -z "$golden" || "$golden" == \#* ]] && continue
  eval "set -- $args"
  [[ " $args " == *" --kube-version "* ]] || set -- "$@" --kube-version 1.20.0
  if [[ "$expect_error" == 1 ]]; then
    # What helm prints (with --debug: the rendered text), then its error
    # line, without --debug's log lines.
    if "$helm" "$@" >"output/$golden.out" 2>"output/$golden.err"; then
      echo "regenerate: $golden: helm succeeded where an error is expected" >&2
      exit 1
    fi
    { cat "output/$golden.out"
      grep -v ' \[debug\] ' "output/$golden.err" | sed '/./,$!d' | awk '{ print } /^Error: / { exit }'
    } >"output/$golden"
    rm "output/$golden.out" "output/$golden.err"
  else
    "$helm" "$@" >"output/$golden"
  fi
done <cases.tsv
