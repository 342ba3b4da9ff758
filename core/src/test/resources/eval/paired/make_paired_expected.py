#!/usr/bin/python3
"""Reference values for org.interestlab.eval's paired tests, Holm correction and percentile bootstrap.

Writes paired_expected.json next to this script: fixed samples (generated here from fixed seeds and
stored as text, so Java reads the very same doubles) and, for each,
  t_p          scipy.stats.ttest_rel(a, b).pvalue                 (two-sided)
  wilcoxon_p   scipy.stats.wilcoxon(a, b).pvalue                  (SciPy's defaults: zero_method='wilcox',
                                                                   correction=False, mode/method='auto')
  wilcoxon_approx_p  the same with mode='approx'                  (normal approximation, tie-corrected)
  wilcoxon_mode      which p-value SciPy's 'auto' computed (exact / approx)
and a Holm step-down correction of one list of p-values, computed by hand with numpy, and percentile
bootstrap intervals computed from an independent Python SplitMix64 stream (the generator
PercentileBootstrap documents) with numpy.quantile's default linear interpolation.

The Java tests (PairedTestsScipyTest, PercentileBootstrapTest) read the JSON; they never run Python.
Regenerate (deterministic, same file every run):

  /usr/bin/python3 core/src/test/resources/eval/paired/make_paired_expected.py

Checked with SciPy 1.10.1 and numpy 1.24.2 (Debian bookworm python3-scipy, python3-numpy).
"""
import json
import os
import warnings

import numpy as np
import scipy
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
MASK = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15


def samples():
    rng = np.random.default_rng(20261203)
    cases = {}
    a = rng.normal(0.40, 0.20, 12)
    cases["exact_n12"] = (a, a - rng.normal(0.05, 0.10, 12))
    a = rng.normal(0.30, 0.20, 50)
    cases["exact_n50"] = (a, a + rng.normal(0.02, 0.10, 50))
    cases["exact_center_n3"] = (np.array([1.0, 2.0, 0.0]), np.array([0.0, 0.0, 3.0]))
    cases["exact_n1"] = (np.array([0.5]), np.array([0.25]))
    a = rng.normal(0.30, 0.20, 51)
    cases["approx_n51"] = (a, a + rng.normal(0.02, 0.10, 51))
    # Precision-like values (multiples of 0.1): many zero differences and many ties.
    a = rng.binomial(10, 0.3, 30) / 10
    b = np.where(rng.random(30) < 0.4, a, rng.binomial(10, 0.25, 30) / 10)
    cases["zeros_ties_n30"] = (a, b)
    a = rng.binomial(10, 0.35, 300) / 10
    b = np.where(rng.random(300) < 0.5, a, rng.binomial(10, 0.3, 300) / 10)
    cases["precision_like_n300"] = (a, b)
    # NDCG-like: a third of the users score 0 under both, values rounded to 4 decimals (ties).
    a = np.round(np.where(rng.random(610) < 0.33, 0.0, rng.beta(2, 3, 610)), 4)
    b = np.round(np.clip(np.where(a == 0, np.where(rng.random(610) < 0.8, 0.0, rng.beta(2, 5, 610)),
                                  a - rng.normal(0.03, 0.1, 610)), 0, 1), 4)
    cases["ndcg_like_n610"] = (a, b)
    # A strong effect: p-values far below 1e-9, compared relatively.
    a = rng.normal(0.5, 0.1, 400)
    cases["strong_shift_n400"] = (a, a - rng.normal(0.1, 0.05, 400))
    # Ties but no zeros with n <= 50: SciPy 1.10's 'auto' takes the tie-free exact distribution at a
    # truncated rank sum; InterestLab uses the tie-corrected normal approximation (wilcoxon_approx_p).
    a = np.array([0.3, 0.5, 0.2, 0.6, 0.4, 0.7, 0.1, 0.5, 0.3, 0.8, 0.6, 0.2, 0.4, 0.9, 0.5, 0.3, 0.7, 0.2, 0.6, 0.4])
    d = np.array([0.1, -0.2, 0.1, 0.3, 0.2, -0.1, 0.1, 0.2, 0.3, 0.1, -0.2, 0.1, 0.4, 0.2, -0.3, 0.1, 0.2, 0.1, -0.1, 0.2])
    cases["ties_no_zeros_n20"] = (a, np.round(a - d, 10))
    return cases


def wilcoxon_mode(a, b):
    d = a - b
    return "exact" if len(d) <= 50 and not np.any(d == 0) else "approx"


def paired():
    out = {}
    for name, (a, b) in samples().items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t = stats.ttest_rel(a, b).pvalue
            w = stats.wilcoxon(a, b).pvalue
            wa = stats.wilcoxon(a, b, mode="approx").pvalue if len(a) > 1 else None
        out[name] = {
            "a": [repr(float(x)) for x in a],
            "b": [repr(float(x)) for x in b],
            "t_p": None if np.isnan(t) else repr(float(t)),
            "wilcoxon_p": repr(float(w)),
            "wilcoxon_approx_p": None if wa is None else repr(float(wa)),
            "wilcoxon_mode": wilcoxon_mode(a, b),
        }
    return out


def holm(p):
    p = np.asarray(p, dtype=float)
    order = np.argsort(p, kind="stable")
    m = len(p)
    adjusted_sorted = np.minimum(1.0, np.maximum.accumulate((m - np.arange(m)) * p[order]))
    out = np.empty(m)
    out[order] = adjusted_sorted
    return out


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next_long(self):
        self.state = (self.state + GOLDEN_GAMMA) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def next_int(self, bound):
        while True:
            bits = self.next_long() >> 33
            value = bits % bound
            if bits - value + (bound - 1) < 2 ** 31:  # no int overflow in Java: accept
                return value


def bootstrap(values, resamples, level, seed):
    values = np.asarray(values, dtype=float)
    n = len(values)
    rng = SplitMix64(seed)
    means = np.empty(resamples)
    for r in range(resamples):
        counts = np.zeros(n)
        for _ in range(n):
            counts[rng.next_int(n)] += 1
        means[r] = counts @ values / n
    alpha = (1 - level) / 2
    lo, hi = np.quantile(means, [alpha, 1 - alpha])
    return [repr(float(lo)), repr(float(hi))]


def bootstraps():
    rng = np.random.default_rng(7)
    cases = {}
    v = np.round(rng.beta(2, 3, 37), 6)
    cases["beta_n37_seed42"] = {"values": v, "resamples": 1000, "level": 0.95, "seed": 42}
    v = rng.binomial(1, 0.3, 200).astype(float)
    cases["hits_n200_seed_negative"] = {"values": v, "resamples": 500, "level": 0.9, "seed": -8070450532247928832}
    v = np.round(rng.exponential(0.2, 5), 6)
    cases["tiny_n5"] = {"values": v, "resamples": 199, "level": 0.95, "seed": 1}
    out = {}
    for name, c in cases.items():
        out[name] = {"values": [repr(float(x)) for x in c["values"]], "resamples": c["resamples"], "level": c["level"],
                     "seed": str(c["seed"]), "interval": bootstrap(c["values"], c["resamples"], c["level"], c["seed"])}
    return out


def main():
    holm_in = [0.01, 0.04, 0.03, 0.005, 0.04, 0.5]
    data = {
        "scipy_version": scipy.__version__,
        "numpy_version": np.__version__,
        "paired": paired(),
        "holm": {"p": [repr(x) for x in holm_in], "adjusted": [repr(float(x)) for x in holm(holm_in)]},
        "bootstrap": bootstraps(),
    }
    with open(os.path.join(HERE, "paired_expected.json"), "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
