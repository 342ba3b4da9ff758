"""Expected results from scikit-learn 1.2.1 for the DBSCAN, agglomerative, Gaussian-mixture and
model-selection tests.

Run once with Debian's python3-sklearn:  /usr/bin/python3 make_cluster_algos_expected.py
Writes beside this script:
  algos_<name>_points.csv        float32 points, 9 significant digits (exact round trip)
  algos_expected.json            labels and numbers per case
scikit-learn is given the float32 values widened to float64, so both sides start from the
same doubles.
"""
import json
import os

import numpy as np
from sklearn.cluster import DBSCAN, AgglomerativeClustering, KMeans
from sklearn.datasets import make_blobs, make_moons
from sklearn.metrics import calinski_harabasz_score, davies_bouldin_score, silhouette_score
from sklearn.mixture import GaussianMixture

here = os.path.dirname(os.path.abspath(__file__))
out = {"dbscan": [], "agglomerative": [], "gmm": [], "model_selection": []}


def save(name, x):
    x = np.asarray(x, dtype=np.float32)
    np.savetxt(os.path.join(here, f"algos_{name}_points.csv"), x, delimiter=",", fmt="%.9g")
    return x.astype(np.float64)


# ---- datasets
blobs, _ = make_blobs(n_samples=240, centers=4, n_features=3, cluster_std=0.8, random_state=4)
noise = np.random.default_rng(5).uniform(-12, 12, size=(30, 3))
blobs_noisy = save("blobs_noisy", np.vstack([blobs, noise]))

moons, _ = make_moons(n_samples=300, noise=0.07, random_state=6)
moons = save("moons", moons)

rng = np.random.default_rng(7)
dirs = rng.normal(size=(5, 16))
sphere = np.vstack([d + 0.25 * rng.normal(size=(50, 16)) for d in dirs] + [rng.normal(size=(20, 16))])
sphere *= rng.uniform(0.5, 3.0, size=(len(sphere), 1))  # lengths vary: cosine must ignore them
sphere = save("sphere", sphere)

overlap, _ = make_blobs(n_samples=200, centers=6, n_features=8, cluster_std=2.5, random_state=8)
overlap = save("overlap", overlap)

gmm_x, _ = make_blobs(n_samples=400, centers=4, n_features=5, cluster_std=[0.6, 1.0, 1.5, 0.8], random_state=9)
gmm_x = save("gmm", gmm_x)

wide, _ = make_blobs(n_samples=600, centers=6, n_features=16, cluster_std=2.0, random_state=10)
wide = save("wide", wide)

# Far from the origin, so float32 products lose digits: the exact re-check must decide. 5,000 points
# also take more than one block of the neighbour search.
far, _ = make_blobs(n_samples=5000, centers=8, n_features=3, cluster_std=0.7, random_state=12)
far = save("far", far + 500.0)

# ---- DBSCAN: labels exactly as scikit-learn numbers them (−1 noise)
for name, x, eps, ms, metric in [
    ("blobs_noisy", blobs_noisy, 1.0, 5, "euclidean"),
    ("blobs_noisy", blobs_noisy, 0.5, 4, "euclidean"),
    ("moons", moons, 0.12, 6, "euclidean"),
    ("sphere", sphere, 0.08, 5, "cosine"),
    ("far", far, 0.6, 10, "euclidean"),
]:
    algo = "brute" if metric == "cosine" else "ball_tree"  # ball_tree: exact per-pair distances
    labels = DBSCAN(eps=eps, min_samples=ms, metric=metric, algorithm=algo).fit(x).labels_
    out["dbscan"].append({"data": name, "eps": eps, "min_samples": ms, "metric": metric,
                          "clusters": int(labels.max() + 1), "noise": int((labels == -1).sum()),
                          "labels": labels.tolist()})

# ---- Agglomerative: labels from n_clusters and from distance_threshold, merge heights
for name, x in [("overlap", overlap), ("sphere", sphere)]:
    for linkage in ["ward", "average", "complete"]:
        for metric in ["euclidean", "cosine"]:
            if linkage == "ward" and metric == "cosine":
                continue
            full = AgglomerativeClustering(n_clusters=5, linkage=linkage, metric=metric, compute_distances=True).fit(x)
            heights = full.distances_
            threshold = float(np.round((heights[-4] + heights[-5]) / 2, 6))  # between merges: 4 or 5 clusters
            cut = AgglomerativeClustering(n_clusters=None, distance_threshold=threshold, linkage=linkage, metric=metric).fit(x)
            out["agglomerative"].append({"data": name, "linkage": linkage, "metric": metric, "n_clusters": 5,
                                         "labels": full.labels_.tolist(), "distances": heights.tolist(),
                                         "threshold": threshold, "threshold_clusters": int(cut.n_clusters_),
                                         "threshold_labels": cut.labels_.tolist()})

# ---- Gaussian mixture (diagonal): (a) given weights/means/variances, (b) k-means labels as init
def gmm_case(name, x, k, init, tol=1e-3, **kw):
    g = GaussianMixture(n_components=k, covariance_type="diag", tol=tol, reg_covar=1e-6, max_iter=100, **kw).fit(x)
    rec = {"data": name, "k": k, "init": init, "n_iter": int(g.n_iter_), "converged": bool(g.converged_),
           "lower_bound": float(g.lower_bound_), "log_likelihood": float(g.score(x) * len(x)),
           "tol": tol, "bic": float(g.bic(x)), "labels": g.predict(x).tolist(), "weights": g.weights_.tolist(),
           "means": g.means_.tolist(), "variances": g.covariances_.tolist()}
    return rec


rng = np.random.default_rng(11)
idx = rng.choice(len(gmm_x), size=4, replace=False)
w0 = np.array([0.1, 0.2, 0.3, 0.4])
m0 = gmm_x[idx]
v0 = np.tile(gmm_x.var(axis=0), (4, 1)) * np.array([[0.5], [1.0], [1.5], [2.0]])
rec = gmm_case("gmm", gmm_x, 4, "given", weights_init=w0, means_init=m0, precisions_init=1.0 / v0)
rec.update({"weights_init": w0.tolist(), "means_init": m0.tolist(), "variances_init": v0.tolist()})
out["gmm"].append(rec)
for name, x, k, seed, tol in [("gmm", gmm_x, 4, 3, 1e-3), ("wide", wide, 6, 5, 1e-6), ("overlap", overlap, 6, 2, 1e-6)]:
    # GaussianMixture's k-means init: one KMeans run with the same random state, labels → responsibilities.
    km_labels = KMeans(n_clusters=k, n_init=1, random_state=seed).fit(x).labels_
    rec = gmm_case(name, x, k, "kmeans-labels", tol=tol, random_state=seed)
    rec["init_labels"] = km_labels.tolist()
    out["gmm"].append(rec)

# ---- Model selection: internal metrics of Ward's cut per k
for k in [2, 3, 4, 5, 6, 8]:
    labels = AgglomerativeClustering(n_clusters=k, linkage="ward").fit(wide).labels_
    out["model_selection"].append({"data": "wide", "k": k, "silhouette": float(silhouette_score(wide, labels)),
                                   "davies_bouldin": float(davies_bouldin_score(wide, labels)),
                                   "calinski_harabasz": float(calinski_harabasz_score(wide, labels))})

with open(os.path.join(here, "algos_expected.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
for d in out["dbscan"]:
    print("dbscan", d["data"], d["eps"], d["min_samples"], d["metric"], "clusters", d["clusters"], "noise", d["noise"])
for a in out["agglomerative"]:
    print("agglo", a["data"], a["linkage"], a["metric"], "sizes", np.bincount(a["labels"]).tolist(), "thr", a["threshold"], a["threshold_clusters"])
for g in out["gmm"]:
    print("gmm", g["data"], g["init"], g["n_iter"], g["converged"], g["log_likelihood"])
