"""scikit-learn's side of kmeans_end_to_end.sh: the shared data and scikit-learn's full fit.

Run with Debian's Python (python3-sklearn):
  /usr/bin/python3 kmeans_end_to_end.py generate DIR [--n 200000 --d 384 --blobs 60 --k 100 --seed 7]
  /usr/bin/python3 kmeans_end_to_end.py fit DIR [--k 100 --iters 20 --seed 7]
`generate` writes DIR/points.npy (Gaussian blobs, float32) and DIR/init.npy (scikit-learn's
k-means++ centres, the shared start of kmeans_compare.sh). `fit` times
KMeans(k, n_init=1, max_iter, tol=0, algorithm="lloyd").fit with its own k-means++ seeding, the
whole fit a user waits for, and prints "sklearn fit SECONDS".
"""
import argparse
import os
import time

import numpy as np


def save(path, array):
    tmp = path + ".tmp.npy"
    np.save(tmp, array)
    os.replace(tmp, path)


def generate(a):
    from sklearn.cluster import kmeans_plusplus
    from sklearn.datasets import make_blobs
    x, _ = make_blobs(n_samples=a.n, n_features=a.d, centers=a.blobs, random_state=a.seed)
    x = np.ascontiguousarray(x, dtype=np.float32)
    init, _ = kmeans_plusplus(x, a.k, random_state=a.seed)
    save(os.path.join(a.dir, "points.npy"), x)
    save(os.path.join(a.dir, "init.npy"), np.ascontiguousarray(init, dtype=np.float32))
    print(f"generated {a.n}x{a.d} float32 points in {a.blobs} Gaussian blobs, {a.k} initial centres (seed {a.seed})")


def fit(a):
    from sklearn.cluster import KMeans
    x = np.load(os.path.join(a.dir, "points.npy"))
    km = KMeans(n_clusters=a.k, n_init=1, max_iter=a.iters, tol=0.0, algorithm="lloyd", random_state=a.seed)
    t = time.perf_counter()
    km.fit(x)
    print(f"sklearn fit {time.perf_counter() - t:.2f} s ({km.n_iter_} iterations, inertia {km.inertia_:.6g})")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("command", choices=["generate", "fit"])
    p.add_argument("dir")
    p.add_argument("--n", type=int, default=200_000)
    p.add_argument("--d", type=int, default=384)
    p.add_argument("--blobs", type=int, default=60)
    p.add_argument("--k", type=int, default=100)
    p.add_argument("--iters", type=int, default=20)
    p.add_argument("--seed", type=int, default=7)
    a = p.parse_args()
    {"generate": generate, "fit": fit}[a.command](a)


if __name__ == "__main__":
    main()
