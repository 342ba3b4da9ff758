#!/usr/bin/env bash
# k-means end to end, what a user waits for: `./lab cluster --algo kmeans` (JVM start, loading the
# .npy, k-means++ seeding, 20 iterations, the 10,000-point silhouette and the other metrics, writing
# the labels) against scikit-learn's KMeans(k, n_init=1, max_iter=20, tol=0, algorithm="lloyd").fit
# (its own k-means++ seeding; Python start and loading not counted), on 200,000 x 384 float32 points
# in 60 Gaussian blobs, k = 100. Rounds alternate the two, so a burst of load on a shared machine
# hits both alike; medians are printed, and per round the seconds of each phase of ./lab cluster
# (--phases: JVM start, reading, engine, fit, each metric, labels). Then, unless SHARED=0, kmeans_compare.sh runs the iterations
# alone from one shared init on the same data (elkan, hamerly, yinyang, lloyd vs scikit-learn and
# faiss, labels compared).
#   jmh/compare/kmeans_end_to_end.sh [DIR]     (default jmh/target/kmeans-end-to-end; ROUNDS=3, SHARED=1)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
dir="${1:-jmh/target/kmeans-end-to-end}"
rounds="${ROUNDS:-3}"
py=/usr/bin/python3
helper=jmh/compare/kmeans_end_to_end.py
mkdir -p "$dir"
[[ -f "$dir/points.npy" && -f "$dir/init.npy" ]] || "$py" "$helper" generate "$dir"
./lab --help >/dev/null  # builds on first use, outside the clock

lab_times=()
sk_times=()
for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds"
  start=$(date +%s.%N)
  ./lab cluster --input "$dir/points.npy" --algo kmeans --k 100 --param n_init=1 --param max_iter=20 --param tol=0 \
    --seed 7 --out "$dir/lab-labels.csv" --phases 2> "$dir/lab.err" > "$dir/lab.out"
  end=$(date +%s.%N)
  grep -v -e WARN -e 'incubator' -e '^phase ' "$dir/lab.err" >&2 || true
  lab=$(echo "$end - $start" | bc -l)
  lab_times+=("$lab")
  printf 'lab cluster (whole process) %.2f s; fit alone (seeding + iterations) %s s\n' "$lab" "$(awk '$1 == "seconds" {print $2}' "$dir/lab.out")"
  # Seconds per phase (./lab cluster --phases), on one line.
  echo "  phases: $(sed -n 's/^phase \(.*[^ ]\) \+\([0-9.]*\) s$/\1 \2/p' "$dir/lab.err" | paste -sd ';' | sed 's/;/; /g')"
  sk_line=$("$py" "$helper" fit "$dir")
  echo "$sk_line"
  sk_times+=("$(echo "$sk_line" | awk '{print $3}')")
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
lab_median=$(median "${lab_times[@]}")
sk_median=$(median "${sk_times[@]}")
echo
echo "k-means end to end, 200000 x 384 float32, 60 blobs, k=100, 20 iterations, tol 0, one init (median of $rounds):"
printf 'lab cluster including JVM start  %8.2f s\n' "$lab_median"
printf 'scikit-learn KMeans.fit          %8.2f s\n' "$sk_median"
printf 'ratio end-to-end lab/sklearn     %8.2fx (goal <= 0.5x)\n' "$(echo "$lab_median / $sk_median" | bc -l)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ "${SHARED:-1}" != 0 ]]; then
  echo
  echo "iterations alone from one shared init (scikit-learn's k-means++ centres), same data:"
  ROUNDS="${SHARED_ROUNDS:-1}" REPEAT="${SHARED_REPEAT:-1}" jmh/compare/kmeans_compare.sh "$dir"
fi
