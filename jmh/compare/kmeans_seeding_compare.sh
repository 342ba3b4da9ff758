#!/usr/bin/env bash
# k-means++ seeding side by side in one JVM: the pruned seeding InterestLab runs and the unpruned
# one it replaced (every candidate against every point; kept in the test sources as the reference
# the pruned one must reproduce centre for centre), on the end-to-end case of kmeans_end_to_end.sh
# (200,000 x 384 float32, 60 blobs, k = 100). Prints each seed's seconds, whether the centres are
# identical, and the median "ratio unpruned/pruned".
#   jmh/compare/kmeans_seeding_compare.sh [DIR] [K] [ROUNDS]   (default jmh/target/kmeans-end-to-end 100 3)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
dir="${1:-jmh/target/kmeans-end-to-end}"
k="${2:-100}"
rounds="${3:-3}"
mkdir -p "$dir"
[[ -f "$dir/points.npy" ]] || /usr/bin/python3 jmh/compare/kmeans_end_to_end.py generate "$dir"
if [[ ! -f core/target/test-classes/org/interestlab/cluster/KMeansSeedingCompareMain.class || ! -f experiments/target/classpath.txt ]]; then
  ./lab --help >/dev/null
  mvn -B -q -pl core test-compile
fi
java --add-modules jdk.incubator.vector -cp "core/target/test-classes:core/target/classes:$(cat experiments/target/classpath.txt)" \
  org.interestlab.cluster.KMeansSeedingCompareMain "$dir/points.npy" "$k" "$rounds" 2> >(grep -v WARN >&2)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
