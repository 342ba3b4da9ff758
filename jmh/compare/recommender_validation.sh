#!/usr/bin/env bash
# Chooses recommender hyper-parameters on a validation split carved from the training part of a
# per-user ratio protocol (see RecommenderValidationMain): the run's training part (ratio split,
# seed derived from the run seed as a run derives it) is split again by the same ratio; candidates
# are fitted on the first part and scored by NDCG@K on the second. The test part is never read.
#   jmh/compare/recommender_validation.sh CANDIDATE...      e.g. "als:factors=64,alpha=1"
#   (SOURCE=movielens-latest-small SEED=42 RATIO=0.75 K=10; INTERESTLAB_DATA must hold the dataset)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [[ ! -f jmh/target/classpath.txt || ! -f jmh/target/classes/org/interestlab/bench/RecommenderValidationMain.class ]]; then
  mvn -B -q -pl core,jmh -am package -DskipTests
fi
java -Dai.djl.offline=true -Dinterestlab.progress=false -cp "jmh/target/classes:$(cat jmh/target/classpath.txt)" \
  org.interestlab.bench.RecommenderValidationMain "${SOURCE:-movielens-latest-small}" "${SEED:-42}" "${RATIO:-0.75}" "${K:-10}" "$@"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
