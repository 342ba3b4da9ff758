#!/usr/bin/env bash
# EASE (lambda 100) side by side on ml-latest-small's training matrix (per-user random 75/25, seed 42,
# 610 users x 9,724 items): InterestLab's fit (float32 solve on DJL's PyTorch engine) against numpy's
# closed form in float64 and float32 (OpenBLAS), each timing Gram matrix + inverse + B. Rounds
# alternate the runners, so a burst of load on a shared machine hits them alike; each keeps its
# fastest solve over all rounds.
# Prints seconds, the ratio to numpy float64, the largest score difference from numpy float64 and
# how many users' top-10 lists equal numpy float64's.
#   INTERESTLAB_DATA=/path/to/datasets jmh/compare/ease_compare.sh [DIR]
#   (default DIR jmh/target/ease-compare; ROUNDS=1, REPEAT=1; one round takes about 3 minutes on 2 cores)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
dir="${1:-jmh/target/ease-compare}"
rounds="${ROUNDS:-1}"
repeat="${REPEAT:-1}"
py=/usr/bin/python3
peers=jmh/compare/ease_peers.py
if [[ ! -f jmh/target/classpath.txt || ! -f jmh/target/classes/org/interestlab/bench/EaseCompareMain.class ]]; then
  mvn -B -q -pl core,jmh -am package -DskipTests
fi
java_main() {
  java -Xmx8g -Dai.djl.offline=true -Dinterestlab.progress=false -cp "jmh/target/classes:$(cat jmh/target/classpath.txt)" \
    org.interestlab.bench.EaseCompareMain "$@" 2> >(grep -v WARN >&2)
}
mkdir -p "$dir"
rm -f "$dir"/*.json "$dir"/*.top10 "$dir"/*.scores.npy
[[ -f "$dir/train.npy" ]] || java_main prepare "$dir"
for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds"
  "$py" "$peers" numpy "$dir" --dtype float64 --repeat "$repeat"
  java_main fit "$dir" "$repeat"
  "$py" "$peers" numpy "$dir" --dtype float32 --repeat "$repeat"
done
echo
"$py" "$peers" report "$dir"
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
