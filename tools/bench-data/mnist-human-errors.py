#!/usr/bin/env python3
"""MNIST's real human label errors: the data for the check, and the count of them in a queue.

    python3 tools/bench-data/mnist-human-errors.py concat OUT_DIR
    relabel bench --images OUT_DIR/all-images-idx3-ubyte.gz --labels OUT_DIR/all-labels-idx1-ubyte.gz \
        --noise none --eval-epochs 0 --seed 42 --scores-out human-all.csv
    python3 tools/bench-data/mnist-human-errors.py count human-all.csv 60000

`concat` writes the bundled 60,000 training and 10,000 test images (src/main/resources/demo/mnist)
as one IDX pair of 70,000, so the test images are scored beside the training ones. `count` reads a
`--scores-out` file and, for every method and the ensemble, ranks the 10,000 test images (starting
at row OFFSET: 60000 for the concatenated file, 0 for the test set scored alone) and prints how many
of the 15 errors below are in the first 50, 100 and 200, and their median rank (docs/benchmarks.md,
"Human errors"). Needs numpy.

The errors: the candidates of Northcutt et al. (labelerrors.com; cleanlab/label-errors,
mturk/mnist_mturk.json) that fewer than 3 of 5 Mechanical Turk workers gave the original label.
"""
import csv
import gzip
import os
import struct
import sys

import numpy as np

ERRORS = [947, 1621, 1901, 2130, 2462, 2597, 2654, 3520, 3558, 5937, 6651, 6783, 8527, 9679, 9729]
MNIST = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "main",
                     "resources", "demo", "mnist")


def concat(out_dir):
    def read(name):
        with gzip.open(os.path.join(MNIST, name)) as f:
            return f.read()

    train_images, train_labels = read("train-images-idx3-ubyte.gz"), read("train-labels-idx1-ubyte.gz")
    test_images, test_labels = read("t10k-images-idx3-ubyte.gz"), read("t10k-labels-idx1-ubyte.gz")
    total = struct.unpack(">I", train_images[4:8])[0] + struct.unpack(">I", test_images[4:8])[0]
    os.makedirs(out_dir, exist_ok=True)
    with gzip.open(os.path.join(out_dir, "all-images-idx3-ubyte.gz"), "wb", compresslevel=1) as f:
        f.write(train_images[:4] + struct.pack(">I", total) + train_images[8:] + test_images[16:])
    with gzip.open(os.path.join(out_dir, "all-labels-idx1-ubyte.gz"), "wb", compresslevel=1) as f:
        f.write(train_labels[:4] + struct.pack(">I", total) + train_labels[8:] + test_labels[8:])
    print(f"{total:,} images written to {out_dir}")


def count(path, offset):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    error = np.zeros(10_000, bool)
    error[ERRORS] = True
    columns = [c for c in header if c == "ensemble" or c in (
        "loss", "confidence", "correctness", "aum", "cl", "margin", "gmm", "influence", "knn",
        "softlabel", "aquavs")]
    print(f"{'ranking':12s} {'top 50':>6s} {'top 100':>7s} {'top 200':>7s} {'median rank':>11s}")
    for name in columns:
        j = header.index(name)
        score = np.array([float(r[j]) for r in rows[offset:offset + 10_000]])
        position = np.empty(10_000, int)
        position[np.argsort(-score, kind="mergesort")] = np.arange(1, 10_001)
        ranks = np.sort(position[error])
        print(f"{name:12s} {np.sum(ranks <= 50):6d} {np.sum(ranks <= 100):7d} "
              f"{np.sum(ranks <= 200):7d} {int(np.median(ranks)):11d}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "concat":
        concat(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "count":
        count(sys.argv[2], int(sys.argv[3]))
    else:
        sys.exit(__doc__)
