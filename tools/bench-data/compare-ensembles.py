#!/usr/bin/env python3
"""Ranks one benchmark training several ways, from the file `relabel bench --scores-out F` writes.

    python3 tools/bench-data/compare-ensembles.py fa30.csv [more.csv ...]

For each file it prints, per ranking: AUROC, average precision, precision in the first 100, 500
and 1,000 of the queue and at k (k = the flipped samples), plus the cross-validated model's
accuracy against the true labels ("folds' accuracy"). Rankings: every method's column, the
default ensemble as `bench` wrote it, the old equal-weight mean of every method's rank, and the
default with aum added at weight 1 (docs/decisions/0023); last, on a random half of the samples,
the best method, the ensemble and a supervised stacking of the methods fitted on the other half
with the true answers (an upper bound for any weighting of them). Ranks are normalised average ranks, as
in RankAverageEnsemble. Needs numpy.
"""
import csv
import sys

import numpy as np

METHODS = ["loss", "confidence", "correctness", "aum", "cl", "margin", "gmm", "influence",
           "knn", "softlabel", "aquavs"]


def ranks(x):
    """Average ranks scaled to [0, 1], 1 = most suspicious (ties share their mean rank)."""
    x = np.asarray(x, float)
    order = np.argsort(x, kind="mergesort")
    _, inverse, counts = np.unique(x[order], return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    mean_rank = (ends - counts + ends - 1) / 2.0
    out = np.empty(len(x))
    out[order] = mean_rank[inverse]
    return out / max(len(x) - 1, 1)


def auroc(score, wrong):
    r = ranks(score) * (len(score) - 1)
    pos = wrong.sum()
    return (r[wrong].sum() - pos * (pos - 1) / 2) / (pos * (len(wrong) - pos))


def precision_at(score, wrong, k):
    return wrong[np.argsort(-score, kind="mergesort")[:k]].mean()


def average_precision(score, wrong):
    hits = wrong[np.argsort(-score, kind="mergesort")]
    precision = np.cumsum(hits) / np.arange(1, len(hits) + 1)
    return (precision * hits).sum() / hits.sum()


def read_scores(path):
    """A --scores-out file: its header, column(name) as a float array, and the flipped mask."""
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    col = {name: i for i, name in enumerate(header)}

    def column(name):
        return np.array([float(r[col[name]]) for r in rows])

    return header, column, np.array([r[col["flipped"]] in ("1", "true") for r in rows])


def main(paths):
    for path in paths:
        header, column, wrong = read_scores(path)
        col = {name: i for i, name in enumerate(header)}
        truth = column("true_label").astype(int)
        oos = [c for c in header if c.startswith("oos_")]
        print(f"== {path}: {len(wrong):,} samples, {wrong.sum():,} flipped")
        if oos:
            p = np.stack([column(c) for c in oos], 1)
            print(f"folds' accuracy against the true labels: {(p.argmax(1) == truth).mean():.3f}")
        present = [m for m in METHODS if m in col]
        rank = {m: ranks(column(m)) for m in present}
        rankings = {m: column(m) for m in present}
        rankings["ensemble (as bench wrote it)"] = column("ensemble")
        rankings["equal weights (before 0023)"] = sum(rank.values())
        if {"margin", "aum", "softlabel"} <= set(present):
            rankings["margin 4 + aum 1 + softlabel 1"] = (
                4 * rank["margin"] + rank["aum"] + rank["softlabel"])
        k = int(wrong.sum())
        print(f"{'ranking':32s} {'AUROC':>7s} {'AP':>7s} {'P@100':>6s} {'P@500':>6s} "
              f"{'P@1000':>6s} {'P@k':>6s}")
        for name, score in rankings.items():
            print(f"{name:32s} {auroc(score, wrong):7.4f} {average_precision(score, wrong):7.4f} "
                  f"{precision_at(score, wrong, 100):6.2f} {precision_at(score, wrong, 500):6.3f} "
                  f"{precision_at(score, wrong, 1000):6.3f} {precision_at(score, wrong, k):6.4f}")
        bound, ensemble_half, single = supervised_upper_bound(
            rank, rankings["ensemble (as bench wrote it)"], wrong)
        best = max(single, key=single.get)
        print(f"on a random half: best method {best} {single[best]:.4f}, ensemble {ensemble_half:.4f}, "
              f"supervised stacking fitted on the other half (upper bound) {bound:.4f}")


def logistic(x, y, penalty, steps=100):
    """L2-regularised logistic regression by Newton's method (as ReviewWeightedEnsemble fits it):
    the coefficients of the columns of x, then the intercept (penalised by 1e-9 only)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    p = np.eye(xb.shape[1]) * penalty
    p[-1, -1] = 1e-9
    beta = np.zeros(xb.shape[1])
    for _ in range(steps):
        prob = 1 / (1 + np.exp(-xb @ beta))
        gradient = xb.T @ (prob - y) + p @ beta
        hessian = xb.T @ (xb * (prob * (1 - prob))[:, None]) + p
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-10:
            break
    return beta


def supervised_upper_bound(rank, ensemble, wrong, seed=0):
    """On a random half of the samples: the AUROC of every method, of the ensemble, and of a
    logistic regression on the methods' ranks fitted with the true answers of the other half: what
    the best weighting of these methods could reach, a bound no ensemble without labels can pass
    (docs/benchmarks.md, "What a combination can reach")."""
    x = np.stack(list(rank.values()), 1) - 0.5
    half = np.random.default_rng(seed).random(len(x)) < 0.5
    beta = logistic(x[half], wrong[half].astype(float), 1e-6)
    stacked = x @ beta[:-1]
    other = ~half
    single = {m: auroc(rank[m][other], wrong[other]) for m in rank}
    return auroc(stacked[other], wrong[other]), auroc(ranks(ensemble)[other], wrong[other]), single


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
