#!/usr/bin/env python3
"""Label noise for a text CSV, and the scores of `relabel score --text` against it.

    python3 tools/bench-data/text-flips.py flip texts.csv 0.2 42 noisy.csv truth.csv
    ./relabel score --text noisy.csv --out scores.csv
    python3 tools/bench-data/text-flips.py eval scores.csv truth.csv

`flip` changes the label of a random `rate` of the rows (seed given) to another class drawn
uniformly (symmetric noise) and writes the noisy CSV (text,label) and truth.csv (index,true,given,
flipped). `eval` prints, for every score column, AUROC, average precision and the errors among the
first 100, 500 and 1,000. Needs numpy.
"""
import csv
import os
import random
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importlib import import_module  # noqa: E402

compare = import_module("compare-ensembles")


def flip(source, rate, seed, noisy, truth):
    csv.field_size_limit(1 << 30)
    with open(source, newline="") as f:
        rows = list(csv.DictReader(f))
    labels = sorted({r["label"] for r in rows})
    rng = random.Random(int(seed))
    order = list(range(len(rows)))
    rng.shuffle(order)
    flipped = set(order[:int(float(rate) * len(rows))])
    with open(noisy, "w", newline="") as out, open(truth, "w", newline="") as t:
        w, tw = csv.writer(out), csv.writer(t)
        w.writerow(["text", "label"])
        tw.writerow(["index", "true", "given", "flipped"])
        for i, r in enumerate(rows):
            given = r["label"]
            if i in flipped:
                given = rng.choice([label for label in labels if label != r["label"]])
            w.writerow([r["text"], given])
            tw.writerow([i, r["label"], given, int(i in flipped)])
    print(f"{len(flipped):,} of {len(rows):,} labels flipped")


def evaluate(scores, truth):
    with open(truth, newline="") as f:
        wrong = np.array([r["flipped"] == "1" for r in csv.DictReader(f)])
    with open(scores, newline="") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    print(f"{'column':16s} {'AUROC':>7s} {'AP':>7s} {'P@100':>6s} {'P@500':>6s} {'P@1000':>6s}")
    for j, name in enumerate(header):
        if name in ("index", "given_label", "suggested_label") or name.endswith("cutoff"):
            continue
        s = np.array([float(r[j]) for r in rows])
        print(f"{name:16s} {compare.auroc(s, wrong):7.4f} {compare.average_precision(s, wrong):7.4f} "
              f"{compare.precision_at(s, wrong, 100):6.2f} {compare.precision_at(s, wrong, 500):6.3f} "
              f"{compare.precision_at(s, wrong, 1000):6.3f}")


if __name__ == "__main__":
    if len(sys.argv) >= 7 and sys.argv[1] == "flip":
        flip(*sys.argv[2:7])
    elif len(sys.argv) == 4 and sys.argv[1] == "eval":
        evaluate(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
