#!/usr/bin/env bash
# Every side-by-side comparison in one run (`./lab bench peers`), each printing seconds and ratios:
#   k-means     InterestLab vs scikit-learn and faiss, same data and initial centres (kmeans_compare.sh)
#   embeddings  MiniLM through DJL's ONNX Runtime, DJL's PyTorch and bare ONNX Runtime (embeddings_compare.sh)
#   EASE        InterestLab vs numpy float64/float32 on ml-latest-small (ease_compare.sh; needs INTERESTLAB_DATA)
#   evaluation  full-ranking evaluation at ML-1M size vs numpy (eval_compare.sh)
# A comparison that fails is reported at the end; the others still run. Timings on a shared machine are
# noisy: each script alternates its runners and keeps the fastest.
#   jmh/compare/peers.sh          (ROUNDS=1 REPEAT=1 by default here; about 15 minutes on 2 cores)
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export ROUNDS="${ROUNDS:-1}" REPEAT="${REPEAT:-1}"
failed=()
run() {
  local title="$1"; shift
  echo
  echo "=== $title"
  local t0=$SECONDS
  if "$@"; then echo "($title: $((SECONDS - t0)) s)"; else failed+=("$title"); fi
}
run "k-means: InterestLab vs scikit-learn vs faiss" bash jmh/compare/kmeans_compare.sh
run "embeddings: ONNX Runtime via DJL, PyTorch via DJL, bare ONNX Runtime" bash jmh/compare/embeddings_compare.sh
if [[ -n "${INTERESTLAB_DATA:-}" ]]; then
  run "EASE: InterestLab vs numpy" bash jmh/compare/ease_compare.sh
else
  echo; echo "=== EASE: skipped, INTERESTLAB_DATA is not set (it must hold movielens-latest-small)"
fi
run "full-ranking evaluation: InterestLab vs numpy" bash jmh/compare/eval_compare.sh
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
if ((${#failed[@]})); then
  printf 'peers: failed: %s\n' "${failed[@]}" >&2
  exit 1
fi
