"""Side-by-side fit times: scikit-learn vs ./lab cluster on the same vector file.

Usage (Debian's python3-sklearn):  /usr/bin/python3 jmh/compare/cluster_algos_peers.py [--n 10000] [--d 64]
Writes a blob dataset (n × d float32, 16 groups, seed 0) to a temporary folder, fits each algorithm
with matching parameters in scikit-learn and with `./lab cluster` (its printed fit time, JVM start-up
excluded), and prints seconds, the ratio and the ARI between the two labellings. One run each: a
rough guide, not a benchmark.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

import numpy as np
from sklearn.cluster import DBSCAN, AgglomerativeClustering, MiniBatchKMeans
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score
from sklearn.mixture import GaussianMixture

here = os.path.dirname(os.path.abspath(__file__))
lab = os.path.join(os.path.dirname(os.path.dirname(here)), "lab")

ap = argparse.ArgumentParser()
ap.add_argument("--n", type=int, default=10000)
ap.add_argument("--d", type=int, default=64)
args = ap.parse_args()

x, _ = make_blobs(n_samples=args.n, centers=16, n_features=args.d, cluster_std=1.0, random_state=0)
x = x.astype(np.float32)
eps = 1.2 * np.sqrt(2 * args.d)  # a bit above the typical within-group distance √(2d)
cases = [
    ("minibatch", ["--k", "16", "--param", "batch_size=1024"],
     lambda: MiniBatchKMeans(16, batch_size=1024, n_init=3, max_iter=100, random_state=0)),
    ("agglomerative", ["--k", "16"], lambda: AgglomerativeClustering(16, linkage="ward")),
    ("dbscan", ["--param", f"eps={eps:.6f}", "--param", "min_samples=10"], lambda: DBSCAN(eps=eps, min_samples=10)),
    ("gmm", ["--k", "16"], lambda: GaussianMixture(16, covariance_type="diag", random_state=0)),
]

with tempfile.TemporaryDirectory() as tmp:
    vectors = os.path.join(tmp, "vectors.npy")
    np.save(vectors, x)
    print(f"{args.n} × {args.d} float32, 16 groups; {os.cpu_count()} CPUs")
    print(f"{'algorithm':<14} {'sklearn s':>10} {'lab s':>8} {'lab/sklearn':>12} {'ARI(lab, sklearn)':>18}")
    for algo, lab_args, make in cases:
        t = time.perf_counter()
        ref = make().fit_predict(x.astype(np.float64) if algo in ("dbscan", "gmm") else x)
        sk = time.perf_counter() - t
        out = os.path.join(tmp, algo + ".csv")
        p = subprocess.run([lab, "cluster", "--input", vectors, "--algo", algo, "--out", out, "--silhouette-sample", "2000",
                            *lab_args], capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit(f"lab cluster {algo} failed: {p.stderr}")
        secs = float(re.search(r"^seconds\s+(\S+)", p.stdout, re.M).group(1))
        labels = np.loadtxt(out, delimiter=",", skiprows=1, dtype=int)[:, 1]
        print(f"{algo:<14} {sk:>10.2f} {secs:>8.2f} {secs / sk:>12.2f} {adjusted_rand_score(ref, labels):>18.4f}")
