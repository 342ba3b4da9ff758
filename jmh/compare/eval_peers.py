"""Full-ranking evaluation in numpy, the peer of InterestLab's RankingEval benchmark (eval_compare.sh).

Same work at the same sizes: 6,040 users x 3,706 items of random scores; per user 124 training draws and
41 test draws (test minus training); the top 10 by score with training items excluded; precision,
recall, NDCG, MAP, MRR, hit rate and F1 at 10 per user; coverage, novelty, average popularity and Gini of
the lists; a 95% percentile bootstrap (1,000 resamples of users) of each per-user mean.
Prints the fastest of --repeat evaluations in seconds (setup not timed).
"""
import argparse
import time

import numpy as np

K = 10


def setup(users, items, seed=7):
    rng = np.random.default_rng(seed)
    train = np.zeros((users, items), bool)
    train[np.arange(users)[:, None], rng.integers(0, items, (users, 124))] = True
    test = np.zeros((users, items), bool)
    test[np.arange(users)[:, None], rng.integers(0, items, (users, 41))] = True
    test &= ~train
    return rng.random((users, items)), train, test


def evaluate(scores, train, test, seed=42):
    users, items = scores.shape
    keep = test.any(axis=1)
    s, tr, te = scores[keep], train[keep], test[keep]
    masked = np.where(tr, -np.inf, s)
    top = np.argpartition(-masked, K, axis=1)[:, :K]
    order = np.argsort(-np.take_along_axis(masked, top, 1), axis=1, kind="stable")
    top = np.take_along_axis(top, order, 1)
    hits = np.take_along_axis(te, top, 1).astype(float)
    n_rel = te.sum(1)
    n_hit = hits.sum(1)
    precision = n_hit / K
    recall = n_hit / n_rel
    disc = 1 / np.log2(np.arange(2, K + 2))
    idcg = np.cumsum(disc)[np.minimum(n_rel, K) - 1]
    ndcg = (hits * disc).sum(1) / idcg
    ap = (np.cumsum(hits, 1) / np.arange(1, K + 1) * hits).sum(1) / np.minimum(n_rel, K)
    first = np.where(n_hit > 0, hits.argmax(1), -1)
    mrr = np.where(first >= 0, 1 / (np.maximum(first, 0) + 1), 0)
    hitrate = (n_hit > 0).astype(float)
    f1 = np.where(precision + recall > 0, 2 * precision * recall / np.maximum(precision + recall, 1e-300), 0)
    pop = train.sum(0)
    counts = np.bincount(top.ravel(), minlength=items)
    coverage = (counts > 0).mean()
    novelty = (-np.log2(np.maximum(pop[top], 1) / users)).mean()
    avgpop = pop[top].mean()
    c = np.sort(counts)
    gini = (2 * np.arange(1, items + 1) - items - 1).dot(c) / (items * c.sum())
    cols = np.stack([precision, recall, ndcg, ap, mrr, hitrate, f1])
    rng = np.random.default_rng(seed)
    intervals = []
    for col in cols:
        means = col[rng.integers(0, len(col), (1000, len(col)))].mean(1)
        intervals.append(np.percentile(means, [2.5, 97.5]))
    return cols.mean(1), (coverage, novelty, avgpop, gini), intervals


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--users", type=int, default=6040)
    ap.add_argument("--items", type=int, default=3706)
    a = ap.parse_args()
    data = setup(a.users, a.items)
    best = float("inf")
    for _ in range(a.repeat):
        t = time.perf_counter()
        evaluate(*data)
        best = min(best, time.perf_counter() - t)
    print(f"{best:.4f}")


if __name__ == "__main__":
    main()
