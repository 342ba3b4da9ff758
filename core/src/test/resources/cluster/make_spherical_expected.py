"""Expected spherical (cosine) k-means results for KMeansAccelerationTest, by an independent numpy
implementation in float64.

Run with Debian's numpy:  /usr/bin/python3 make_spherical_expected.py
Writes spherical_{points,init,expected}.csv beside this script. Spherical k-means: rows and initial
centres are L2-normalised; each point goes to the centre of highest cosine (ties to the lower index);
each centre becomes the normalised mean of its members; it stops when no label changes (tol = 0).
The data has clusters that differ in direction but not in length, plus a scale spread within each
cluster, so Euclidean k-means on the raw rows would group by length instead.
"""
import os
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(21)
k, d, n = 4, 6, 240
directions = rng.normal(size=(k, d))
directions /= np.linalg.norm(directions, axis=1, keepdims=True)
member = rng.integers(k, size=n)
x = directions[member] + rng.normal(scale=0.35, size=(n, d))
x *= rng.uniform(0.2, 5.0, size=(n, 1))  # lengths spread 25-fold: irrelevant to cosine
x = x.astype(np.float32)
init = x[rng.choice(n, size=k, replace=False)]

xn = x.astype(np.float64)
xn /= np.linalg.norm(xn, axis=1, keepdims=True)
c = init.astype(np.float64)
c /= np.linalg.norm(c, axis=1, keepdims=True)
labels = None
for it in range(1, 301):
    new = np.argmax(xn @ c.T, axis=1)
    if labels is not None and np.array_equal(new, labels):
        break
    labels = new
    for j in range(k):
        m = xn[labels == j].sum(axis=0)
        c[j] = m / np.linalg.norm(m)
labels = np.argmax(xn @ c.T, axis=1)
inertia = float(((xn - c[labels]) ** 2).sum())

np.savetxt(os.path.join(here, "spherical_points.csv"), x, delimiter=",", fmt="%.9g")
np.savetxt(os.path.join(here, "spherical_init.csv"), init, delimiter=",", fmt="%.9g")
with open(os.path.join(here, "spherical_expected.csv"), "w") as f:
    f.write("# inertia=%.10g n_iter=%d\n" % (inertia, it))
    f.write("\n".join(str(int(l)) for l in labels) + "\n")
    f.write("# centroids\n")
    for row in c:
        f.write("# " + ",".join("%.9g" % v for v in row) + "\n")
