"""Why k-means labels differ from scikit-learn's from the same init: models of each rounding, iteration by iteration.

scikit-learn's KMeans(algorithm="lloyd").fit on float32 data (1) subtracts the float32 column means from
the points and the init, (2) labels each point by float32 distances ||c||^2 - 2 x.c from a BLAS sgemm per
256-row chunk, and (3) sums each cluster in float32, per OpenMP thread over a static split of the chunks,
adds the thread sums and multiplies by float32(1 / count). InterestLab labels by the exact nearest centre
and sums in float64. This script steps scikit-learn's own iteration (lloyd_iter_chunked_dense) and
models that switch each of (1)-(3) on or off, all from DIR/init.npy on DIR/points.npy, and prints per
iteration how many labels each model gives differently from scikit-learn, and for the first differing
labels of the exact model how close to a tie they were. Run with Debian's Python (python3-sklearn):
  /usr/bin/python3 jmh/compare/kmeans_label_trace.py DIR [--iters 20] [--threads 2] [--models exact-f64,...]
Models (labels-centres[-centred]): exact-f64 (InterestLab today), exact-f32chunk, exact-f32chunk-centred,
sgemm-f32chunk, sgemm-f64-centred, sgemm-f32chunk-centred (every rounding of scikit-learn).
"""
import argparse
import os

import numpy as np
from scipy.linalg.blas import sgemm
from sklearn.cluster._k_means_lloyd import lloyd_iter_chunked_dense
from sklearn.utils.extmath import row_norms
from threadpoolctl import threadpool_limits

CHUNK = 256  # scikit-learn's CHUNK_SIZE in _k_means_lloyd.pyx
ROWS = 20000  # rows per block of the float64 products (memory)
EPS32 = np.finfo(np.float32).eps


def exact_distances(x64, xx, c):
    """Float64 squared distances of every point to every centre, blocked."""
    c64 = c.astype(np.float64)
    cc = (c64 ** 2).sum(1)
    out = np.empty((len(x64), len(c)))
    for s in range(0, len(x64), ROWS):
        out[s:s + ROWS] = xx[s:s + ROWS, None] - 2 * x64[s:s + ROWS] @ c64.T + cc[None, :]
    return out


def sgemm_labels(x, c):
    """scikit-learn's float32 labels, as _update_chunk_dense computes them: per 256-row chunk, the centres'
    row_norms preloaded and C += -2 X C^T by the same BLAS sgemm call (row-major, so centres as Fortran's A),
    first minimum. numpy's x @ c.T on larger blocks rounds some products differently."""
    cn = row_norms(c, squared=True)
    labels = np.empty(len(x), dtype=np.int32)
    for s in range(0, len(x), CHUNK):
        rows = x[s:s + CHUNK]
        d = sgemm(-2.0, c, rows, beta=1.0, c=np.asfortranarray(np.repeat(cn[:, None], len(rows), 1)), trans_b=1,
                  overwrite_c=1)
        labels[s:s + CHUNK] = d.argmin(0)
    return labels


def thread_ranges(n, threads):
    """Points of each thread: libgomp's static schedule of the 256-row chunks (first threads get one more)."""
    chunks = -(-n // CHUNK)
    threads = min(threads, chunks)
    q, r = divmod(chunks, threads)
    out, start = [], 0
    for t in range(threads):
        size = q + (1 if t < r else 0)
        out.append((start * CHUNK, min(n, (start + size) * CHUNK)))
        start += size
    return out


def f32chunk_centres(x, labels, k, threads):
    """Per-thread float32 sums in point order (cumsum is sequential), thread sums added in thread order,
    times float32(1 / count)."""
    d = x.shape[1]
    total = np.zeros((k, d), dtype=np.float32)
    counts = np.bincount(labels, minlength=k)
    for lo, hi in thread_ranges(len(x), threads):
        part = labels[lo:hi]
        order = np.argsort(part, kind="stable")
        bounds = np.searchsorted(part[order], np.arange(k + 1))
        rows = x[lo:hi][order]
        for j in range(k):
            if bounds[j + 1] > bounds[j]:
                total[j] = total[j] + np.cumsum(rows[bounds[j]:bounds[j + 1]], axis=0, dtype=np.float32)[-1]
    alpha = np.array([np.float32(1.0 / c) if c else np.float32(1) for c in counts], dtype=np.float32)
    return total * alpha[:, None], counts


def f64_centres(x64, labels, k):
    counts = np.bincount(labels, minlength=k)
    sums = np.zeros((k, x64.shape[1]))
    order = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[order], np.arange(k + 1))
    for j in range(k):
        sums[j] = x64[order[bounds[j]:bounds[j + 1]]].sum(0)
    return (sums / np.maximum(counts, 1)[:, None]).astype(np.float32), counts


def run_sklearn(x, init, iters, threads):
    """scikit-learn's own loop (_kmeans_single_lloyd) on centred data; labels of every iteration and the
    final E-step."""
    xc = x - x.mean(axis=0)
    centres = init - x.mean(axis=0)
    n, k = len(x), len(init)
    new = np.zeros_like(centres)
    weight = np.zeros(k, dtype=x.dtype)
    labels = np.full(n, -1, dtype=np.int32)
    shift = np.zeros(k, dtype=x.dtype)
    ones = np.ones(n, dtype=x.dtype)
    history, cent = [], []
    with threadpool_limits(1, user_api="blas"):
        for _ in range(iters):
            lloyd_iter_chunked_dense(xc, ones, centres, new, weight, labels, shift, threads, update_centers=True)
            history.append(labels.copy())
            cent.append(new.copy())
            centres, new = new, centres
        lloyd_iter_chunked_dense(xc, ones, centres, centres, weight, labels, shift, threads, update_centers=False)
    history.append(labels.copy())
    return history, cent, xc


def run_model(name, x, x64, xx, xc, init, iters, threads):
    label_mode, centre_mode = name.split("-")[:2]
    centred = name.endswith("-centred")
    mean = x.mean(axis=0)
    data = xc if centred else x
    data64 = data.astype(np.float64) if centred else x64
    dd = (data64 ** 2).sum(1) if centred else xx
    centres = (init - mean) if centred else init.copy()
    history = []
    with threadpool_limits(1, user_api="blas"):
        for it in range(iters + 1):
            if label_mode == "exact":
                labels = exact_distances(data64, dd, centres).argmin(1).astype(np.int32)
            else:
                labels = sgemm_labels(data, centres)
            history.append(labels)
            if it == iters:
                break
            if centre_mode == "f64":
                new, counts = f64_centres(data64, labels, len(init))
            else:
                new, counts = f32chunk_centres(data, labels, len(init), threads)
            if (counts == 0).any():
                raise SystemExit(f"{name}: empty cluster in iteration {it + 1} (relocation not modelled)")
            centres = new
    return history


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dir")
    p.add_argument("--iters", type=int, default=20)
    p.add_argument("--threads", type=int, default=2, help="scikit-learn's OpenMP threads (its centre sums depend on it)")
    p.add_argument("--models", default="exact-f64,exact-f32chunk,exact-f32chunk-centred,sgemm-f32chunk,sgemm-f64-centred,"
                                         "sgemm-f32chunk-centred")
    a = p.parse_args()
    x = np.load(os.path.join(a.dir, "points.npy"))
    init = np.load(os.path.join(a.dir, "init.npy"))
    x64 = x.astype(np.float64)
    xx = (x64 ** 2).sum(1)
    sk, sk_centres, xc = run_sklearn(x, init, a.iters, a.threads)
    print(f"{len(x)} x {x.shape[1]} points, k = {len(init)}, scikit-learn stepped on {a.threads} thread(s), {a.iters} iterations")
    ref = os.path.join(a.dir, "sklearn.labels")
    if a.threads == 2 and os.path.exists(ref):
        fit = np.loadtxt(ref, dtype=np.int64)
        print(f"stepped final labels vs KMeans.fit's (DIR/sklearn.labels): {int((fit != sk[-1]).sum())} differ")
    # The centre model alone: scikit-learn's own labels through the float32 chunked sums.
    same = [int((f32chunk_centres(xc, sk[i], len(init), a.threads)[0] != sk_centres[i]).sum()) for i in range(a.iters)]
    print(f"centre coordinates != the float32-chunked model of scikit-learn's own labels, per iteration: {same}")
    models = a.models.split(",")
    runs = {m: run_model(m, x, x64, xx, xc, init, a.iters, a.threads) for m in models}
    print(f"{'iter':>5}" + "".join(f"{m:>24}" for m in models))
    for i in range(a.iters + 1):
        row = "final" if i == a.iters else f"{i + 1:>5}"
        print(f"{row:>5}" + "".join(f"{int((runs[m][i] != sk[i]).sum()):>24}" for m in models))
    if "exact-f64" in runs:
        ours = runs["exact-f64"]
        first = next((i for i in range(a.iters + 1) if (ours[i] != sk[i]).any()), None)
        if first is not None:
            # Labels of iteration i are computed against the centres after i updates (the init for i = 0).
            cent = init if first == 0 else sk_centres[first - 1] + x.mean(axis=0)
            idx = np.flatnonzero(ours[first] != sk[first])
            dist = exact_distances(x64[idx], xx[idx], cent)
            a_, b_ = dist[np.arange(len(idx)), ours[first][idx]], dist[np.arange(len(idx)), sk[first][idx]]
            rel = np.abs(a_ - b_) / np.maximum(a_, b_)
            print(f"first difference of exact-f64 (InterestLab) in iteration {first + 1}: {len(idx)} points; "
                  f"|d(ours) - d(sklearn)| / d, in float32 eps: min {rel.min() / EPS32:.2f}, max {rel.max() / EPS32:.2f} "
                  f"(d ~ {a_.mean():.1f})")
    ref = os.path.join(a.dir, "interestlab-lloyd.labels")
    if "exact-f64" in runs and os.path.exists(ref):
        ours = np.loadtxt(ref, dtype=np.int64)
        print(f"exact-f64 model final labels vs InterestLab's (DIR/interestlab-lloyd.labels): {int((ours != runs['exact-f64'][-1]).sum())} differ")


if __name__ == "__main__":
    main()
