#!/usr/bin/python3
"""Reference values for the clustering metrics in org.interestlab.eval, computed by scikit-learn.

Writes, next to this script:
  datasets/<name>.csv  inputs: columns truth, pred, x0..x{d-1} (floats as shortest round-trip repr)
  label_cases.json     inputs: pairs of label vectors for the external metrics
  expected.json        scikit-learn's values for every input

The Java test (ClusteringMetricsSklearnTest) reads these files; it never runs Python.
Regenerate after changing this script (deterministic: fixed seeds, same files every run):

  /usr/bin/python3 core/src/test/resources/eval/make_expected.py

Checked with scikit-learn 1.2.1, numpy 1.24.2 (Debian bookworm python3-sklearn).
"""
import json
import os

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.metrics import (
    adjusted_mutual_info_score,
    adjusted_rand_score,
    calinski_harabasz_score,
    davies_bouldin_score,
    homogeneity_completeness_v_measure,
    normalized_mutual_info_score,
    silhouette_score,
)

HERE = os.path.dirname(os.path.abspath(__file__))


def kmeans_labels(x, k, seed):
    return KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(x)


def relabel_some(y, fraction, seed):
    """Moves a fraction of the points to a random other label (a noisy 'prediction')."""
    rng = np.random.RandomState(seed)
    y = y.copy()
    labels = np.unique(y)
    for i in rng.choice(len(y), int(fraction * len(y)), replace=False):
        y[i] = rng.choice(labels[labels != y[i]])
    return y


def datasets():
    out = {}

    # Well separated: three tight blobs.
    x, y = make_blobs(n_samples=60, centers=3, n_features=4, cluster_std=0.6, random_state=0)
    out["blobs"] = (x, y, relabel_some(y, 0.1, 1))

    # Overlapping: four wide blobs; the prediction has five clusters.
    x2, y2 = make_blobs(n_samples=150, centers=4, n_features=8, cluster_std=4.0, random_state=1)
    out["overlapping"] = (x2, y2, kmeans_labels(x2, 5, 0))

    # A singleton cluster: three blobs plus one far point with a label of its own.
    x3, y3 = make_blobs(n_samples=40, centers=3, n_features=3, cluster_std=1.0, random_state=2)
    x3 = np.vstack([x3, [[40.0, -35.0, 12.5]]])
    y3 = np.append(y3, 3)
    out["singleton"] = (x3, y3, relabel_some(y3[:-1], 0.15, 3).tolist() + [3])

    # The blobs again, rows shuffled and labels renamed (7, -1, 3): every metric is unchanged.
    perm = np.random.RandomState(4).permutation(len(y))
    rename = np.array([7, -1, 3])
    out["permuted"] = (x[perm], rename[y[perm]], rename[out["blobs"][2][perm]])

    # Duplicate points (a = b = 0 gives s = 0) and zero vectors (cosine distance 1 to everything).
    x5 = np.array([[0, 0], [0, 0], [0, 0], [3, 4], [3, 5], [4, 4], [6, 1], [7, 1], [6, 2], [0, 0]], dtype=float)
    y5 = np.array([0, 0, 1, 2, 2, 2, 3, 3, 3, 0])
    out["duplicates"] = (x5, y5, np.array([0, 0, 0, 2, 2, 3, 3, 3, 3, 1]))

    # Larger and higher-dimensional, float32 values (as embeddings are), to test Embeddings input too.
    x6, y6 = make_blobs(n_samples=300, centers=6, n_features=32, cluster_std=9.0, random_state=3)
    x6 = x6.astype(np.float32).astype(np.float64)
    out["float32"] = (x6, y6, kmeans_labels(x6, 6, 0))
    return out


def label_cases():
    rng = np.random.RandomState(7)
    cases = {
        "identical_renamed": ([0, 0, 1, 1, 2, 2], [5, 5, 3, 3, 9, 9]),
        "one_predicted_cluster": ([0, 0, 1, 1, 2, 2], [0, 0, 0, 0, 0, 0]),
        "all_singletons": ([0, 0, 0, 0], [0, 1, 2, 3]),
        "both_single": ([1, 1, 1], [2, 2, 2]),
        "anti_correlated": ([0, 0, 1, 1], [0, 1, 0, 1]),
        "split_class": ([0, 0, 1, 2], [0, 0, 1, 1]),
        "random_2000": (rng.randint(0, 10, 2000).tolist(), rng.randint(0, 15, 2000).tolist()),
    }
    truth = rng.choice([-1, 0, 1, 2, 3], size=500, p=[0.05, 0.5, 0.25, 0.15, 0.05])
    pred = np.where(rng.rand(500) < 0.7, truth + 10, rng.randint(0, 4, 500))
    cases["skewed_with_noise_label"] = (truth.tolist(), pred.tolist())
    return {k: {"truth": [int(v) for v in t], "pred": [int(v) for v in p]} for k, (t, p) in cases.items()}


def external(t, p):
    h, c, v = homogeneity_completeness_v_measure(t, p)
    return {
        "ari": adjusted_rand_score(t, p),
        "nmi": normalized_mutual_info_score(t, p),
        "ami": adjusted_mutual_info_score(t, p),
        "homogeneity": h,
        "completeness": c,
        "v_measure": v,
    }


def internal(x, labels):
    return {
        "silhouette": silhouette_score(x, labels, metric="euclidean"),
        "silhouette_cosine": silhouette_score(x, labels, metric="cosine"),
        "davies_bouldin": davies_bouldin_score(x, labels),
        "calinski_harabasz": calinski_harabasz_score(x, labels),
    }


def write_csv(path, x, truth, pred):
    with open(path, "w") as f:
        f.write(",".join(["truth", "pred"] + ["x%d" % j for j in range(x.shape[1])]) + "\n")
        for i in range(x.shape[0]):
            f.write(",".join([str(int(truth[i])), str(int(pred[i]))] + [repr(float(v)) for v in x[i]]) + "\n")


def main():
    os.makedirs(os.path.join(HERE, "datasets"), exist_ok=True)
    expected = {"generator": "make_expected.py", "sklearn": sklearn.__version__, "numpy": np.__version__,
                "datasets": {}, "label_cases": {}}
    for name, (x, truth, pred) in datasets().items():
        truth, pred = np.asarray(truth), np.asarray(pred)
        write_csv(os.path.join(HERE, "datasets", name + ".csv"), x, truth, pred)
        expected["datasets"][name] = {
            "file": "datasets/" + name + ".csv",
            "internal_truth": internal(x, truth),
            "internal_pred": internal(x, pred),
            "external": external(truth, pred),
        }
    cases = label_cases()
    with open(os.path.join(HERE, "label_cases.json"), "w") as f:
        json.dump(cases, f, indent=1, sort_keys=True)
        f.write("\n")
    for name, case in cases.items():
        expected["label_cases"][name] = external(case["truth"], case["pred"])
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
