#!/usr/bin/python3
"""Reference values for org.interestlab.recommend.EaseRecommender, computed by numpy in float64.

EASE (Steck 2019): P = (X^T X + lambda I)^-1, B = I - P diag(1/diag(P)) (zero diagonal),
scores = X B; a user's top-k is the k best-scoring items not in their training row, ties to the
lower item index.

Writes ease_expected.json next to this script, two cases:
  tiny       5 users x 4 items, lambda 1: the whole B, all scores and top-2 lists (exact answers)
  realistic  250 users x 80 items with a long-tailed popularity, lambda 10: B (float64) and every
             user's top-10 (no scores, to keep the file small), to check the float32 solve's error and ranking agreement

The Java test (EaseRecommenderTest) reads the file; it never runs Python. Regenerate after changing
this script (deterministic: fixed seed, same file every run):

  /usr/bin/python3 core/src/test/resources/recommend/ease_reference.py

Checked with numpy 1.24.2 (Debian bookworm python3-numpy).
"""
import json
import os

import numpy as np


def ease(x, lam):
    g = x.T @ x + lam * np.eye(x.shape[1])
    p = np.linalg.inv(g)
    b = -p / np.diag(p)  # column j divided by -P_jj
    np.fill_diagonal(b, 0.0)
    return b


def top_k(scores, seen, k):
    out = []
    for s, h in zip(scores, seen):
        candidates = [i for i in range(len(s)) if not h[i]]
        # Best score first, ties to the lower index (a stable sort on -score).
        candidates.sort(key=lambda i: (-s[i], i))
        out.append(candidates[:k])
    return out


def case(x, lam, k, with_scores):
    b = ease(x, lam)
    scores = x @ b
    out = {
        "lambda": lam,
        "rows": [[int(i) for i in np.flatnonzero(r)] for r in x],
        "items": int(x.shape[1]),
        "B": [[float(v) for v in r] for r in b],
        "top": top_k(scores, x > 0, k),
        "k": k,
    }
    if with_scores:
        out["scores"] = [[float(v) for v in r] for r in scores]
    return out


def realistic_matrix(users=250, items=80, seed=42):
    """Long-tailed item popularity (Zipf-like) and user activity, as in MovieLens."""
    rng = np.random.default_rng(seed)
    popularity = 1.0 / np.arange(1, items + 1) ** 0.8
    popularity /= popularity.sum()
    x = np.zeros((users, items))
    for u in range(users):
        n = min(items - 1, 3 + int(rng.exponential(12)))
        x[u, rng.choice(items, size=n, replace=False, p=popularity)] = 1.0
    return x


def main():
    tiny = np.array([
        [1, 1, 0, 0],
        [0, 1, 1, 0],
        [1, 0, 1, 1],
        [0, 0, 1, 1],
        [1, 1, 1, 0],
    ], dtype=np.float64)
    out = {
        "numpy": np.__version__,
        "tiny": case(tiny, 1.0, 2, True),
        "realistic": case(realistic_matrix(), 10.0, 10, False),
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ease_expected.json")
    with open(path, "w") as f:
        json.dump(out, f)
        f.write("\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
