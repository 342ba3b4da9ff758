#!/usr/bin/env bash
# Full-ranking evaluation at MovieLens-1M size side by side: InterestLab's RankingEval JMH suite (top 10
# of 3,706 items for 6,040 users, training items excluded, seven per-user metrics, four system metrics,
# 1,000-resample bootstrap intervals) against the same work in vectorised numpy (eval_peers.py), on the
# same sizes and density (scores are random in both, drawn by each side's own generator).
# Prints seconds per evaluation and the ratio InterestLab / numpy.
#   jmh/compare/eval_compare.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
source jmh/compare/bench_jar.sh
out="$(mktemp -d)"
java -jar jmh/target/benchmarks.jar RankingEval -p device=cpu -f 1 -wi 2 -w 2s -i 3 -r 2s -rf json -rff "$out/jmh.json" >"$out/jmh.log" 2>&1 \
  || { tail -n 30 "$out/jmh.log" >&2; exit 1; }
java_s=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["primaryMetric"]["score"] / 1000)' "$out/jmh.json")
numpy_s=$(/usr/bin/python3 jmh/compare/eval_peers.py --repeat "${REPEAT:-3}")
printf '%-12s %10s %8s\n' runner seconds ratio
printf '%-12s %10.3f %7.2fx\n' InterestLab "$java_s" "$(/usr/bin/python3 -c "print($java_s / $numpy_s)")"
printf '%-12s %10.3f %7.2fx\n' numpy "$numpy_s" 1
rm -rf "$out"
