"""Where scikit-learn's float32 Lloyd departs from exact arithmetic, one iteration at a time.

Steps scikit-learn's own iteration (sklearn.cluster._k_means_lloyd.lloyd_iter_chunked_dense, as
KMeans(algorithm="lloyd").fit runs it) from DIR/init.npy on DIR/points.npy and prints, per
iteration, how many of its labels are not the nearest centre by a float64 distance, the smallest
float64 gap between nearest and second-nearest among those points, and how many coordinates of its
new centres differ from the float32-rounded float64 means of its own labels. Run with Debian's
Python (python3-sklearn):
  /usr/bin/python3 jmh/compare/kmeans_sklearn_rounding.py DIR [--iters 20]
"""
import argparse
import os

import numpy as np
from sklearn.cluster._k_means_lloyd import lloyd_iter_chunked_dense
from sklearn.utils._openmp_helpers import _openmp_effective_n_threads


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dir")
    p.add_argument("--iters", type=int, default=20)
    a = p.parse_args()
    x = np.load(os.path.join(a.dir, "points.npy"))
    centres = np.load(os.path.join(a.dir, "init.npy")).copy()
    n, k = len(x), len(centres)
    threads = _openmp_effective_n_threads()
    x64 = x.astype(np.float64)
    xx = (x64 ** 2).sum(1)
    new = np.zeros_like(centres)
    weight = np.zeros(k, dtype=x.dtype)
    labels = np.full(n, -1, dtype=np.int32)
    shift = np.zeros(k, dtype=x.dtype)
    print(f"{n} x {x.shape[1]} points, k = {k}, {threads} threads")
    print(f"{'iter':>4}{'labels not nearest':>20}{'least gap':>12}{'centre coords != exact mean':>30}")
    for it in range(a.iters):
        lloyd_iter_chunked_dense(x, np.ones(n, dtype=x.dtype), centres, new, weight, labels, shift, threads, update_centers=True)
        c64 = centres.astype(np.float64)
        dist = xx[:, None] - 2 * x64 @ c64.T + (c64 ** 2).sum(1)[None, :]
        nearest = dist.argmin(1)
        wrong = nearest != labels
        part = np.sort(dist[wrong], 1)
        gap = f"{(part[:, 1] - part[:, 0]).min():.2e}" if wrong.any() else "-"
        means = np.zeros((k, x.shape[1]))
        for j in range(k):
            members = labels == j
            if members.any():
                means[j] = x64[members].mean(0)
        differ = int((means.astype(np.float32) != new).sum())
        print(f"{it + 1:>4}{int(wrong.sum()):>20}{gap:>12}{differ:>30}")
        centres, new = new, centres


if __name__ == "__main__":
    main()
