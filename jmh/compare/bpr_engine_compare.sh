#!/usr/bin/env bash
# Seconds per BPR epoch on ml-latest-small's training part (per-user 75/25, run seed 42): the
# plain-Java sequential SGD of BprRecommender against mini-batch SGD of the same loss on DJL's
# PyTorch engine (autograd, batch sizes given; default 1024 8192 and one batch per epoch).
#   jmh/compare/bpr_engine_compare.sh [BATCH...]     (FACTORS=64 EPOCHS=10 ROUNDS=3)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [[ ! -f jmh/target/classpath.txt || ! -f jmh/target/classes/org/interestlab/bench/BprEngineCompareMain.class ]]; then
  mvn -B -q -pl core,jmh -am package -DskipTests
fi
batches=("$@")
[[ ${#batches[@]} -gt 0 ]] || batches=(1024 8192 75630)
java -Dai.djl.offline=true -Dinterestlab.progress=false -cp "jmh/target/classes:$(cat jmh/target/classpath.txt)" \
  org.interestlab.bench.BprEngineCompareMain movielens-latest-small 42 0.75 "${FACTORS:-64}" "${EPOCHS:-10}" "${ROUNDS:-3}" "${batches[@]}" \
  2> >(grep -v WARN >&2)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
