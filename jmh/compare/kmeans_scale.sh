#!/usr/bin/env bash
# k-means at scale in bounded memory: 1,000,000 x 384 float32 points, k = 1000, 3 iterations,
# random seeding. Prints the phase times and the peak resident memory of the whole process
# (Java heap + DJL/PyTorch native memory), which must stay below 4 GB.
#   jmh/compare/kmeans_scale.sh [n d k iterations algorithm]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [[ ! -f jmh/target/classpath.txt || -z "$(ls jmh/target/classes/org/interestlab/bench/KMeansScaleMain.class 2>/dev/null)" ]]; then
  mvn -B -q -pl core,jmh -am package -DskipTests
fi
n="${1:-1000000}"; d="${2:-384}"; k="${3:-1000}"; iters="${4:-3}"; algo="${5:-hamerly}"
# Heap: the points (n*d*4 bytes) plus bounds and work space; everything else is native.
heap_mb=$(( (n * d * 4 + n * 300) / 1048576 + 400 ))
log="$(mktemp)"
/usr/bin/time -v java --add-modules jdk.incubator.vector -Xmx${heap_mb}m -Dai.djl.offline=true -Dinterestlab.progress=false \
  -cp "jmh/target/classes:$(cat jmh/target/classpath.txt)" org.interestlab.bench.KMeansScaleMain "$n" "$d" "$k" "$iters" "$algo" \
  2> >(tee "$log" | grep -v -e '^\s' -e WARN >&2)
rss_kb=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
echo "heap limit ${heap_mb} MB; peak resident memory $(( rss_kb / 1024 )) MB; process wall time ${wall}"
rm -f "$log"
