"""EASE peers for ease_compare.sh: numpy's closed form on InterestLab's training matrix, and the report.

Run with Debian's Python (python3-numpy, OpenBLAS):
  /usr/bin/python3 ease_peers.py numpy DIR --dtype float64 [--repeat 1 --lam 100]
  /usr/bin/python3 ease_peers.py report DIR
Every runner reads DIR/train.npy (the binary users x items training matrix, float32) and writes
DIR/<name>.json ({"name", "seconds"}), DIR/<name>.scores.npy (X B, float32) and DIR/<name>.top10
(each user's 10 best items not in training, best first, ties to the lower index), keeping the
fastest of --repeat solves and of earlier results in DIR. The timed part is what InterestLab's
fit does: the Gram matrix X^T X + lambda I, its inverse, and B = I - P diag(1/diag(P)).
`report` prints seconds, the ratio to numpy float64, the largest score difference from numpy
float64 and how many users' top-10 lists equal float64's.
"""
import argparse
import json
import os
import time

import numpy as np


def ease(x, lam):
    g = x.T @ x
    g[np.diag_indices_from(g)] += lam
    p = np.linalg.inv(g)
    b = p / (-np.diag(p))  # column j divided by -P_jj
    np.fill_diagonal(b, 0.0)
    return b


def top10(scores, x):
    s = np.where(x > 0, -np.inf, scores.astype(np.float64))
    # Stable sort on -score: ties go to the lower item index, as InterestLab's TopK.
    return np.argsort(-s, axis=1, kind="stable")[:, :10]


def run_numpy(a):
    x = np.load(os.path.join(a.dir, "train.npy")).astype(a.dtype)
    name = "numpy-" + a.dtype
    seconds = float("inf")
    for _ in range(a.repeat):
        t = time.perf_counter()
        b = ease(x, a.lam)
        seconds = min(seconds, time.perf_counter() - t)
    previous = os.path.join(a.dir, name + ".json")
    if os.path.exists(previous) and json.load(open(previous))["seconds"] <= seconds:
        print(f"{name}: {seconds:.3f} s (slower than the kept run)")
        return
    scores = (x @ b).astype(np.float32)
    np.save(os.path.join(a.dir, name + ".scores.npy"), scores)
    np.savetxt(os.path.join(a.dir, name + ".top10"), top10(scores, x), fmt="%d")
    with open(previous, "w") as f:
        json.dump({"name": name, "seconds": seconds}, f)
    print(f"{name}: {seconds:.3f} s")


def report(a):
    names = [f[:-5] for f in sorted(os.listdir(a.dir)) if f.endswith(".json")]
    results = {n: json.load(open(os.path.join(a.dir, n + ".json"))) for n in names}
    ref = "numpy-float64"
    ref_scores = np.load(os.path.join(a.dir, ref + ".scores.npy")).astype(np.float64)
    ref_top = np.loadtxt(os.path.join(a.dir, ref + ".top10"), dtype=np.int64)
    x = np.load(os.path.join(a.dir, "train.npy"))
    print(f"matrix: {x.shape[0]} users x {x.shape[1]} items, {int(x.sum())} training interactions, lambda {a.lam:g}")
    print(f"{'run':<16}{'seconds':>10}{'vs numpy-float64':>18}{'max |S - S64|':>15}{'top-10 = float64':>18}")
    for n in [ref] + [n for n in names if n != ref]:
        scores = np.load(os.path.join(a.dir, n + ".scores.npy")).astype(np.float64)
        top = np.loadtxt(os.path.join(a.dir, n + ".top10"), dtype=np.int64)
        same = int((top == ref_top).all(axis=1).sum())
        diff = float(np.abs(scores - ref_scores).max())
        print(f"{n:<16}{results[n]['seconds']:>10.2f}{results[n]['seconds'] / results[ref]['seconds']:>17.2f}x"
              f"{diff:>15.2e}{same:>11d} / {len(top)}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("command", choices=["numpy", "report"])
    p.add_argument("dir")
    p.add_argument("--dtype", choices=["float64", "float32"], default="float64")
    p.add_argument("--lam", type=float, default=100.0)
    p.add_argument("--repeat", type=int, default=1, help="solves from scratch; the fastest is reported")
    a = p.parse_args()
    {"numpy": run_numpy, "report": report}[a.command](a)


if __name__ == "__main__":
    main()
