#!/usr/bin/env bash
# Runs every shipped config (experiments/configs/*.yaml) on two builds — a base git revision and
# the working tree — and compares their metrics.json byte for byte. A refactoring that claims
# "same behaviour" proves it with this script; any difference is printed as a unified diff.
#
#   experiments/scripts/compare-metrics.sh BASE_REV [CONFIG.yaml ...]
#
# The base revision is built in a temporary git worktree. Both builds share the embedding cache, so
# the second run of a config reads the vectors the first one computed (identical texts, identical
# model). Real datasets are read from $INTERESTLAB_DATA. Exit code: 0 all identical, 1 otherwise.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BASE="${1:?usage: compare-metrics.sh BASE_REV [CONFIG.yaml ...]}"
shift
if (($#)); then CONFIGS=("$@"); else CONFIGS=("$ROOT"/experiments/configs/*.yaml); fi

WORK="$(mktemp -d)"
trap 'git -C "$ROOT" worktree remove --force "$WORK/base" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
git -C "$ROOT" worktree add --detach "$WORK/base" "$BASE" >/dev/null
echo "compare-metrics: base $(git -C "$WORK/base" rev-parse --short HEAD), working tree of $ROOT" >&2

status=0
for config in "${CONFIGS[@]}"; do
  name="$(basename "$config" .yaml)"
  for side in base head; do
    tree="$ROOT"; [[ $side == base ]] && tree="$WORK/base"
    out="$WORK/runs-$side-$name"
    if ! (cd "$tree" && ./lab run "$tree/experiments/configs/$name.yaml" --runs-dir "$out" --quiet >"$WORK/$side-$name.log" 2>&1); then
      echo "FAIL  $name: the $side build's run failed:" >&2
      tail -n 5 "$WORK/$side-$name.log" >&2
      status=1
      continue 2
    fi
  done
  # A sweep writes one run folder per variant: compare them in name order, without the timestamp.
  mapfile -t a < <(find "$WORK/runs-base-$name" -name metrics.json | sort -t/ -k1,1)
  mapfile -t b < <(find "$WORK/runs-head-$name" -name metrics.json | sort -t/ -k1,1)
  if ((${#a[@]} != ${#b[@]})); then
    echo "DIFF  $name: ${#a[@]} run folders before, ${#b[@]} after"; status=1; continue
  fi
  same=1
  for i in "${!a[@]}"; do
    if ! cmp -s "${a[$i]}" "${b[$i]}"; then
      same=0
      echo "DIFF  $name: $(basename "$(dirname "${b[$i]}")")"
      diff -u "${a[$i]}" "${b[$i]}" | head -n 60 || true
    fi
  done
  if ((same)); then echo "SAME  $name (${#a[@]} metrics.json)"; else status=1; fi
done
exit $status
