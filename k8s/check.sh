#!/usr/bin/env bash
# Renders every kustomization (base, dev, training) with `kubectl kustomize` and fails on the
# first error; with -o DIR it also writes each rendering to DIR/<name>.yaml. The structural checks
# of the renderings (selectors, probes, resources, claims, the sweep's argument files, the training
# Job against trainer-service's runner) are trainer-service's KustomizeManifestsTest.
#
#   k8s/check.sh [-o DIR]
set -euo pipefail
cd "$(dirname "$0")"
OUT=""
if [ "${1:-}" = "-o" ]; then
  OUT="${2:?-o needs a directory}"
  mkdir -p "$OUT"
fi
command -v kubectl >/dev/null || {
  echo "k8s/check: kubectl is not installed (kubectl 1.27 or later: kustomize v5)" >&2
  exit 1
}
for dir in base overlays/dev overlays/training; do
  rendered="$(kubectl kustomize "$dir")"
  kinds="$(printf '%s\n' "$rendered" | grep -c '^kind:')"
  echo "k8s/check: $dir renders $kinds objects"
  if [ -n "$OUT" ]; then
    printf '%s\n' "$rendered" >"$OUT/$(basename "$dir").yaml"
  fi
done
