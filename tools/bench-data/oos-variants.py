#!/usr/bin/env python3
"""Ranks one benchmark training with the default ensemble recomputed from its probabilities, with
label-free variants of it, and with other out-of-sample probabilities in place of its own.

    python3 tools/bench-data/oos-variants.py fa30.csv [other-oos.csv ...]
    python3 tools/bench-data/oos-variants.py --human OFFSET human-all.csv [other-oos.csv ...]

fa30.csv is what `relabel bench --scores-out` writes. Each other-oos.csv holds one row of K
out-of-sample probabilities per sample (no header), in the order of fa30.csv (`a.csv+b.csv`: the
mean of the two, e.g. of two cross-validation passes); for each, every ranking
is computed again with those probabilities as `oos_*` (margin reads the mean of the final and the
out-of-sample probabilities, docs/methods.md, "margin"). The default ensemble is 4 x rank(margin) +
rank(softlabel) (decision 0023); the first line reproduces the ensemble column `bench` wrote.
With --human, counts the 15 confirmed human errors of MNIST's test set (mnist-human-errors.py) among
the first 50 and 100 of the 10,000 rows from OFFSET. Needs numpy. Figures: docs/benchmarks.md,
"Out-of-sample variants and label-free combinations".
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
compare = __import__("compare-ensembles")
human_errors = __import__("mnist-human-errors")
ranks, auroc = compare.ranks, compare.auroc
precision_at, average_precision = compare.precision_at, compare.average_precision


def load(path):
    header, column, wrong = compare.read_scores(path)
    k = sum(1 for name in header if name.startswith("oos_"))
    return {
        "given": column("given_label").astype(int),
        "truth": column("true_label").astype(int),
        "wrong": wrong,
        "final": np.stack([column(f"final_{c}") for c in range(k)], 1),
        "oos": np.stack([column(f"oos_{c}") for c in range(k)], 1),
        "softlabel": column("softlabel"),
        "variability": column("std_p_given"),
        "aum": column("aum"),
    }


def margin(p, given):
    """max_{k != y} p_k - p_y per row, and the argmax of the other classes (the suggestion)."""
    rows = np.arange(len(given))
    other = p.copy()
    other[rows, given] = -1
    return other.max(1) - p[rows, given], other.argmax(1)


def rankings(d, oos):
    given, final, soft = d["given"], d["final"], ranks(d["softlabel"])
    mean = (final + oos) / 2
    m, suggestion = margin(mean, given)
    geometric = np.sqrt(np.clip(final, 1e-9, 1) * np.clip(oos, 1e-9, 1))
    geometric /= geometric.sum(1, keepdims=True)
    rows = np.arange(len(given))
    other = mean.copy()
    other[rows, given] = -1
    log_ratio = np.log(other.max(1) + 1e-6) - np.log(mean[rows, given] + 1e-6)
    out = {
        "ensemble (default)": 4 * ranks(m) + soft,
        "margin": m,
        "margin, out-of-sample only": margin(oos, given)[0],
        "ensemble, log ratio margin": 4 * ranks(log_ratio) + soft,
        "ensemble - 0.5 variability": 4 * ranks(m) + soft - 0.5 * ranks(d["variability"]),
        "ensemble + 0.5 variability": 4 * ranks(m) + soft + 0.5 * ranks(d["variability"]),
        "ensemble + aum": 4 * ranks(m) + soft + ranks(d["aum"]),
        "ensemble, geometric mean": 4 * ranks(margin(geometric, given)[0]) + soft,
        "ensemble, oos weight 2/3": 4 * ranks(margin((final + 2 * oos) / 3, given)[0]) + soft,
        "ensemble, oos weight 1/3": 4 * ranks(margin((2 * final + oos) / 3, given)[0]) + soft,
    }
    return out, suggestion


def report(d, oos, label):
    wrong, truth = d["wrong"], d["truth"]
    out, suggestion = rankings(d, oos)
    print(f"== {label}: folds' accuracy {(oos.argmax(1) == truth).mean():.4f}, "
          f"suggestion accuracy {(suggestion[wrong] == truth[wrong]).mean():.4f}")
    print(f"{'ranking':28s} {'AUROC':>7s} {'AP':>7s} {'P@100':>6s} {'P@500':>6s} {'P@1000':>6s}")
    for name, score in out.items():
        print(f"{name:28s} {auroc(score, wrong):7.4f} {average_precision(score, wrong):7.4f} "
              f"{precision_at(score, wrong, 100):6.2f} {precision_at(score, wrong, 500):6.3f} "
              f"{precision_at(score, wrong, 1000):6.3f}")


def human(d, oos, offset, label):
    out, _ = rankings(d, oos)
    error = np.zeros(10_000, bool)
    error[human_errors.ERRORS] = True
    print(f"== {label}")
    print(f"{'ranking':28s} {'top 50':>6s} {'top 100':>7s} {'median rank':>11s}")
    for name, score in out.items():
        score = score[offset:offset + 10_000]
        position = np.empty(10_000, int)
        position[np.argsort(-score, kind="mergesort")] = np.arange(1, 10_001)
        found = np.sort(position[error])
        print(f"{name:28s} {np.sum(found <= 50):6d} {np.sum(found <= 100):7d} "
              f"{int(np.median(found)):11d}")


def read_mean(spec):
    """The probabilities of one file, or the mean of several joined by '+'."""
    parts = [np.loadtxt(p, delimiter=",", ndmin=2) for p in spec.split("+")]
    if any(part.shape != parts[0].shape for part in parts):
        sys.exit(f"{spec}: the files differ in shape")
    return sum(parts) / len(parts)


def main(args):
    offset = None
    if args[:1] == ["--human"]:
        offset, args = int(args[1]), args[2:]
    d = load(args[0])
    for label, oos in [(args[0], d["oos"])] + [
            (p, read_mean(p)) for p in args[1:]]:
        if oos.shape != d["oos"].shape:
            sys.exit(f"{label}: {oos.shape[0]} rows of {oos.shape[1]} probabilities, "
                     f"expected {d['oos'].shape[0]} of {d['oos'].shape[1]}")
        if offset is None:
            report(d, oos, label)
        else:
            human(d, oos, offset, label)


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1:2] == ["--human"] and len(sys.argv) < 4:
        sys.exit(__doc__)
    main(sys.argv[1:])
