#!/usr/bin/env python3
"""Simulates "Learn from reviews" (ReviewWeightedEnsemble, docs/methods.md) on one benchmark training.

    python3 tools/bench-data/review-refit.py fa30.csv [more.csv ...]

Reads the file `relabel bench --scores-out F` writes. Reviewers answer the first N samples of the
default ensemble's queue truthfully; the weights are fitted from those answers as the app fits
them (L2-regularised logistic regression on centred normalised ranks, lambda 1, Newton steps,
weights max(0, beta)), then used alone ("learned only", the behaviour before 2026-12-06) and mixed
with the standard weights by the share c / (c + 200), c = reviews of the rarer outcome (the
behaviour now). Each ranking is scored on the samples not yet reviewed: AUROC and the errors among
the next 100 and 1,000. Needs numpy.
"""
import csv
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importlib import import_module  # noqa: E402

compare = import_module("compare-ensembles")
METHODS, ranks, auroc, precision_at, logistic = (
    compare.METHODS, compare.ranks, compare.auroc, compare.precision_at, compare.logistic)
PRIOR_REVIEWS = 200
STANDARD = {"margin": 4.0, "softlabel": 1.0}


def main(paths):
    for path in paths:
        with open(path, newline="") as f:
            rows = list(csv.reader(f))
        header, rows = rows[0], rows[1:]
        col = {name: i for i, name in enumerate(header)}
        wrong = np.array([r[col["flipped"]] in ("1", "true") for r in rows])
        names = [m for m in METHODS if m in col]
        r = np.stack([ranks([float(row[col[m]]) for row in rows]) for m in names], 1)
        standard = np.array([STANDARD.get(m, 0.0) for m in names])
        standard = standard / standard.sum()
        queue = np.argsort(-(r @ standard), kind="mergesort")
        print(f"== {path}")
        print(f"{'reviewed':>8s} {'confirmed':>9s} {'share':>5s}   "
              f"{'standard':>20s}   {'learned only':>20s}   {'mixed (now)':>20s}")
        for n in (100, 200, 500, 1000, 2000):
            reviewed, rest = queue[:n], queue[n:]
            y = wrong[reviewed].astype(float)
            rarer = int(min(y.sum(), n - y.sum()))

            def row(weights):
                s = r @ weights
                return (f"{auroc(s[rest], wrong[rest]):.4f} {precision_at(s[rest], wrong[rest], 100):4.2f} "
                        f"{precision_at(s[rest], wrong[rest], 1000):5.3f}")

            if rarer < 5:
                print(f"{n:8d} {n - int(y.sum()):9d}   too few reviews of an outcome: standard kept")
                continue
            learned = np.maximum(0, logistic(r[reviewed] - 0.5, y, penalty=1.0, steps=50)[:-1])
            if learned.sum() == 0:
                print(f"{n:8d} {n - int(y.sum()):9d}   no positive coefficient: standard kept")
                continue
            learned = learned / learned.sum()
            share = rarer / (rarer + PRIOR_REVIEWS)
            print(f"{n:8d} {n - int(y.sum()):9d} {share:5.2f}   {row(standard)}   {row(learned)}   "
                  f"{row((1 - share) * standard + share * learned)}")
        print("(each cell: AUROC, errors per review in the next 100, in the next 1,000, over the samples"
              " not yet reviewed)")


if __name__ == "__main__":
    main(sys.argv[1:])
