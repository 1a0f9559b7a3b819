#!/usr/bin/env python3
"""Compares a run's expected yield with the errors really found at the top of its queue.

    python3 tools/bench-data/expected-yield.py fa30.csv [more.csv ...]

Each file is what `relabel bench --scores-out` writes. The expected yield is recomputed as the app
computes it (docs/methods.md, "Expected yield"): over the first 100 and 1,000 of the ensemble's
queue, the sum of 1 - pbar(given label), pbar the mean of the final and the out-of-sample
probabilities. "found" counts the injected flips among them. Then the same with the out-of-sample
probabilities temperature-scaled, the temperature fitted to the given labels by likelihood (a
variant that was measured and not adopted). Needs numpy. Figures: docs/benchmarks.md, "The run's
expected yield against the truth".
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
compare = __import__("compare-ensembles")


def softmax(log_p, temperature):
    z = log_p / temperature
    z -= z.max(1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(1, keepdims=True)


def fitted_temperature(p, given):
    log_p = np.log(np.clip(p, 1e-7, 1))
    rows = np.arange(len(given))
    grid = np.arange(1, 15.01, 0.25)
    nll = [-np.log(softmax(log_p, t)[rows, given]).mean() for t in grid]
    t = grid[int(np.argmin(nll))]
    return t, softmax(log_p, t)


def main(paths):
    print("file | found/expected in the first 100 | in the first 1,000 | temperature-scaled (T)")
    for path in paths:
        header, column, wrong = compare.read_scores(path)
        k = sum(1 for name in header if name.startswith("oos_"))
        given = column("given_label").astype(int)
        final = np.stack([column(f"final_{c}") for c in range(k)], 1)
        oos = np.stack([column(f"oos_{c}") for c in range(k)], 1)
        order = np.argsort(-column("ensemble"), kind="stable")
        pbar = (final + oos) / 2
        t, scaled = fitted_temperature(oos, given)
        cells = []
        for p in (pbar, scaled):
            for top in (100, 1000):
                q = order[:top]
                expected = np.clip(1 - p[q, given[q]], 0, None).sum()
                cells.append(f"{wrong[q].sum():.0f}/{expected:.0f}")
        print(f"{os.path.basename(path)} | {cells[0]} | {cells[1]} | {cells[2]}, {cells[3]} (T={t:.2f})")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
