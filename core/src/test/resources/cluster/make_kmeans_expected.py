"""Expected k-means results from scikit-learn for KMeansAgreementTest.

Run with Debian's python3-sklearn:  /usr/bin/python3 make_kmeans_expected.py
Writes kmeans_<name>_{points,init,expected}.csv beside this script. Points and initial centroids
are float32 written with 9 significant digits (exact round trip); sklearn runs Lloyd from the same
initial centroids (n_init=1, algorithm="lloyd") and we record its labels, iterations and inertia.
"""
import os
import numpy as np
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs

here = os.path.dirname(os.path.abspath(__file__))


def write(name, x, k, seed):
    x = x.astype(np.float32)
    rng = np.random.default_rng(seed)
    init = x[rng.choice(len(x), size=k, replace=False)]
    km = KMeans(n_clusters=k, init=init, n_init=1, max_iter=300, tol=1e-4, algorithm="lloyd").fit(x)
    np.savetxt(os.path.join(here, f"kmeans_{name}_points.csv"), x, delimiter=",", fmt="%.9g")
    np.savetxt(os.path.join(here, f"kmeans_{name}_init.csv"), init, delimiter=",", fmt="%.9g")
    with open(os.path.join(here, f"kmeans_{name}_expected.csv"), "w") as f:
        f.write("# inertia=%.10g n_iter=%d\n" % (km.inertia_, km.n_iter_))
        f.write("\n".join(str(int(l)) for l in km.labels_) + "\n")


x1, _ = make_blobs(n_samples=300, centers=5, n_features=8, cluster_std=1.0, random_state=1)
write("blobs", x1, 5, 11)
x2, _ = make_blobs(n_samples=500, centers=8, n_features=16, cluster_std=3.0, random_state=2)
write("overlap", x2, 8, 12)
x3 = np.random.default_rng(3).normal(size=(400, 32))
x3 /= np.linalg.norm(x3, axis=1, keepdims=True)
write("sphere", x3, 10, 13)
