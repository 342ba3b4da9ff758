#!/usr/bin/env bash
# k-means side by side on the same data file and the same initial centres:
# scikit-learn (lloyd, n_init=1, init=array, tol=0), faiss (Kmeans from the same centres, every
# point used) and InterestLab (hamerly, elkan, yinyang, lloyd), 20 iterations each: every runner
# fits REPEAT times per round (after three untimed warm-up fits for InterestLab's JIT) and keeps
# its fastest fit over R rounds.
# Prints seconds per iteration, the ratio to scikit-learn, and how many final labels differ from
# scikit-learn's; SPREAD=1 adds scikit-learn on one thread and on float64 data, to show how much its
# own labels move with the rounding. ARITHMETIC=1 adds InterestLab with `arithmetic: scikit-learn` for scikit-learn's
# thread count (this machine's cores; untimed for speed, one fit): its labels should be identical to scikit-learn's.
#   jmh/compare/kmeans_compare.sh [DIR]       (default jmh/target/kmeans-compare; ROUNDS=3, REPEAT=3)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
dir="${1:-jmh/target/kmeans-compare}"
iters="${ITERATIONS:-20}"
rounds="${ROUNDS:-3}"
repeat="${REPEAT:-3}"
py=/usr/bin/python3
peers=jmh/compare/kmeans_peers.py
if [[ ! -f jmh/target/classpath.txt || ! -f jmh/target/classes/org/interestlab/bench/KMeansCompareMain.class ]]; then
  mvn -B -q -pl core,jmh -am package -DskipTests
fi
mkdir -p "$dir"
rm -f "$dir"/*.json "$dir"/*.labels
[[ -f "$dir/points.npy" && -f "$dir/init.npy" ]] || "$py" "$peers" generate "$dir"
# Rounds alternate the runners, so a burst of load on a shared machine hits them alike; each
# runner keeps its fastest fit over all rounds.
for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds"
  "$py" "$peers" sklearn "$dir" --iters "$iters" --repeat "$repeat"
  java --add-modules jdk.incubator.vector -Dai.djl.offline=true -Dinterestlab.progress=false -cp "jmh/target/classes:$(cat jmh/target/classpath.txt)" \
    org.interestlab.bench.KMeansCompareMain "$dir" "$iters" "$repeat" hamerly elkan yinyang lloyd 2> >(grep -v WARN >&2)
  "$py" "$peers" faiss "$dir" --iters "$iters" --repeat "$repeat"
done
# SPREAD=1: scikit-learn against itself (one thread; float64 data), untimed rows of the report.
[[ "${SPREAD:-0}" == 1 ]] && "$py" "$peers" spread "$dir" --iters "$iters"
if [[ "${ARITHMETIC:-0}" == 1 ]]; then
  java --add-modules jdk.incubator.vector -Dai.djl.offline=true -Dinterestlab.progress=false -cp "jmh/target/classes:$(cat jmh/target/classpath.txt)" \
    org.interestlab.bench.KMeansCompareMain "$dir" "$iters" 1 "scikit-learn:$(nproc)" 2> >(grep -v WARN >&2)
fi
echo
"$py" "$peers" report "$dir"
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
