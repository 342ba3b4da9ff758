"""Expected values of ScikitLearnArithmeticTest, from scikit-learn 1.2.1 and numpy 1.24 (Debian):
  /usr/bin/python3 core/src/test/resources/cluster/make_sklearn_arithmetic_expected.py > core/src/test/resources/cluster/sklearn_arithmetic_expected.txt
The data are formulas the test computes alike (float32 operations are IEEE in both):
  x[i, j] = ((i*37 + j*11 + (i*j) % 13) % 97 + 1) / 98  (float32 division),  i < n, j < 64.
The near-tie centres are rows 0..31 and the same rows with their first coordinate one float32 step up. Each
256-point chunk times 64 centres times 64 columns is over 10^6 multiply-adds, so OpenBLAS takes its level-3
driver, whose order ScikitLearnLloyd reproduces (its small-matrix kernels, below that size, are not).
"""
import numpy as np
from sklearn.cluster import KMeans
from sklearn.cluster._k_means_lloyd import lloyd_iter_chunked_dense
from sklearn.utils.extmath import row_norms
from threadpoolctl import threadpool_limits


def data(n, d=64):
    i = np.arange(n)[:, None]
    j = np.arange(d)[None, :]
    return ((i * 37 + j * 11 + (i * j) % 13) % 97 + 1).astype(np.float32) / np.float32(98)


def near_tie_centres(x):
    c = np.concatenate([x[:32], x[:32]]).copy()
    c[32:, 0] = np.nextafter(c[32:, 0], np.float32(np.inf))
    return c


def exact_labels(x, c):
    x64, c64 = x.astype(np.float64), c.astype(np.float64)
    return ((x64[:, None, :] - c64[None]) ** 2).sum(2).argmin(1)


def digits(labels):
    return ",".join(str(v) for v in labels)


# 1. Centre sums: 300 points of (2^24, 0.1) then (1, 0.1) in one cluster, on 1 and 2 threads (chunks of 256:
#    thread 0 sums points 0-255, thread 1 points 256-299). float32 loses every +1 after 2^24.
x = np.full((300, 2), [1, 0.1], dtype=np.float32)
x[0, 0] = 2 ** 24
for threads in [1, 2]:
    new = np.zeros((1, 2), np.float32)
    lloyd_iter_chunked_dense(x, np.ones(300, np.float32), x[:1].copy(), new, np.zeros(1, np.float32), np.zeros(300, np.int32),
                             np.zeros(1, np.float32), threads, update_centers=True)
    print(f"means, {threads} thread(s): {[float(v).hex() for v in new[0]]}  (float64 mean {x.astype(np.float64).mean(0).tolist()})")

# 2. Row norms (numpy's einsum order) of rows 0..2 of the 64-column data.
print("row norms:", [float(v).hex() for v in row_norms(data(3), squared=True)])

# 3. Labels of 768 points against near-tie centres, by scikit-learn's float32 distances.
x = data(768)
c = near_tie_centres(x)
labels = np.zeros(768, np.int32)
with threadpool_limits(1, user_api="blas"):
    lloyd_iter_chunked_dense(x, np.ones(768, np.float32), c, c.copy(), np.zeros(64, np.float32), labels, np.zeros(64, np.float32), 1,
                             update_centers=False)
print("near-tie labels:", digits(labels))
print("  differ from the exact nearest centres in", int((labels != exact_labels(x, c)).sum()))

# 4. Whole fits from rows 0..63 (no cluster empties on the way: scikit-learn's relocation order, numpy's
#    argpartition, is not reproduced), 10 iterations, tol 0, on 1 and 2 threads.
init = np.ascontiguousarray(x[:64])
for threads in [1, 2]:
    with threadpool_limits(threads, user_api="openmp"):
        km = KMeans(64, init=init, n_init=1, max_iter=10, tol=0, algorithm="lloyd").fit(x)
    print(f"fit labels, {threads} thread(s), {km.n_iter_} iterations, least cluster {np.bincount(km.labels_).min()}:",
          digits(km.labels_))
print("  differ from the exact nearest centres of the fit's centres in",
      int((exact_labels(x, km.cluster_centers_) != km.labels_).sum()))

# 5. OpenBLAS's blocks of the shared dimension: the block lists whose fused multiply-add chains reproduce sgemm's
#    C += -2 X C^T bit for bit (random rows x cols products over 10^6 multiply-adds, centres as Fortran's
#    transposed A as scikit-learn passes them).
from scipy.linalg.blas import sgemm
rng = np.random.default_rng(1)


def chain(a, b, lo, hi):
    acc = np.zeros((a.shape[0], b.shape[0]), np.float32)
    for l in range(lo, hi):  # a*b is exact in float64, one rounding per step as a fused multiply-add
        acc = (acc.astype(np.float64) + a[:, l, None].astype(np.float64) * b[None, :, l]).astype(np.float32)
    return acc


for rows, cols, d, blocks in [(256, 11, 384, [192, 192]), (64, 100, 384, [192, 192]), (256, 100, 300, [300]),
                              (256, 100, 768, [320, 224, 224]), (256, 4, 1000, [320, 320, 180, 180])]:
    a, b = rng.normal(size=(rows, d)).astype(np.float32), rng.normal(size=(cols, d)).astype(np.float32)
    cn = rng.normal(size=cols).astype(np.float32)
    ref = sgemm(-2.0, b.T, a.T, beta=1.0, c=np.asfortranarray(np.repeat(cn[:, None], rows, 1)), trans_a=1).T
    dist, lo = np.repeat(cn[None, :], rows, 0), 0
    for s in blocks:
        dist = (dist + np.float32(-2) * chain(a, b, lo, lo + s)).astype(np.float32)
        lo += s
    print(f"{rows} x {cols} x {d}: blocks {blocks} reproduce sgemm: {bool((dist == ref).all())}")
