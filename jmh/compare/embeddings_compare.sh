#!/usr/bin/env bash
# Embedding throughput side by side, same encoder, texts and length-sorted batches: MiniLM through DJL's
# ONNX Runtime engine, through DJL's PyTorch engine (the BERT forward pass from NDArray ops) and through
# ONNX Runtime's own Java API in a bare loop. Runs the EmbeddingThroughput JMH suite on the CPU (one
# fork, 3 × 5 s after a 3 s warm-up per case) and prints sentences/s, tokens/s and the ratio to bare ORT.
#   jmh/compare/embeddings_compare.sh [LENGTH]     (short ≈ 20 tokens, the default, or long ≈ 200)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
source jmh/compare/bench_jar.sh
length="${1:-short}"
out="$(mktemp -d)"
java -jar jmh/target/benchmarks.jar EmbeddingThroughput -p encoder=minilm-l6 -p batchSize=32 -p device=cpu -p length="$length" \
  -f 1 -wi 1 -w 3s -i 3 -r 5s -rf json -rff "$out/jmh.json" >"$out/jmh.log" 2>&1 \
  || { tail -n 30 "$out/jmh.log" >&2; exit 1; }
/usr/bin/python3 - "$out/jmh.json" <<'PY'
import json, sys
rows = {r["params"]["engine"]: r for r in json.load(open(sys.argv[1]))}
bare = rows["ort-bare"]["secondaryMetrics"]["sentences"]["score"]
print(f"{'engine':<10} {'sentences/s':>12} {'tokens/s':>10} {'ratio to bare ORT':>18}")
for e in ("ort-djl", "torch-djl", "ort-bare"):
    m = rows[e]["secondaryMetrics"]
    s, t = m["sentences"]["score"], m["tokens"]["score"]
    print(f"{e:<10} {s:>12.1f} {t:>10.0f} {s / bare:>17.2f}x")
PY
rm -rf "$out"
