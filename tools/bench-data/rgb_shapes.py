#!/usr/bin/env python3
"""Generated colour images for the RGB benchmarks (docs/benchmarks.md, "Colour images").

No labelled colour-photo set was reachable offline from this project's registries (npm, Debian,
Maven Central; decision 0046), so this writes a stand-in: 10 classes of coloured shapes on
cluttered, noisy backgrounds, in five look-alike pairs that differ by a little colour or a little
shape. Every class reads the same mirrored left to right, as photos of objects do.

  0 red disc          1 orange-red disc, a little flatter (ellipse 1 : 0.8)
  2 blue square       3 blue rectangle (1 : 0.75)
  4 green triangle    5 green triangle pointing down
  6 yellow plus       7 yellow x (the plus turned 45 degrees)
  8 purple ring       9 magenta ring

Writes IDX files (magic 0x804: count, rows, columns, 3 channels) that `relabel bench --images`
reads, and pairs.csv, the look-alike table for `--noise asymmetric --transitions`.

  python3 tools/bench-data/rgb_shapes.py --count 2000 --size 64 --seed 1 --out /tmp/rgb64
"""
import argparse
import os
import struct

import numpy as np

COLOURS = {
    0: (220, 40, 40), 1: (235, 90, 30), 2: (40, 70, 220), 3: (40, 70, 220),
    4: (40, 170, 60), 5: (40, 170, 60), 6: (230, 200, 40), 7: (230, 200, 40),
    8: (130, 50, 180), 9: (190, 50, 160),
}
PAIRS = [(0, 1), (2, 3), (4, 5), (6, 7), (8, 9)]


def mask(label, yy, xx, r):
    """Boolean mask of class `label`'s shape, radius r, on centred coordinates yy, xx."""
    if label == 0:
        return xx**2 + yy**2 <= r**2
    if label == 1:
        return (xx / r) ** 2 + (yy / (0.8 * r)) ** 2 <= 1
    if label == 2:
        return (abs(xx) <= 0.85 * r) & (abs(yy) <= 0.85 * r)
    if label == 3:
        return (abs(xx) <= 0.95 * r) & (abs(yy) <= 0.71 * r)
    if label in (4, 5):
        y = yy if label == 4 else -yy
        return (y <= 0.7 * r) & (y >= -r + 1.7 * abs(xx))
    if label == 6:
        return ((abs(xx) <= 0.3 * r) | (abs(yy) <= 0.3 * r)) & (abs(xx) <= r) & (abs(yy) <= r)
    if label == 7:
        u, v = (xx + yy) / np.sqrt(2), (xx - yy) / np.sqrt(2)
        return ((abs(u) <= 0.3 * r) | (abs(v) <= 0.3 * r)) & (abs(u) <= r) & (abs(v) <= r)
    d = xx**2 + yy**2
    return (d <= r**2) & (d >= (0.55 * r) ** 2)


def image(label, size, rng):
    ys, xs = np.mgrid[0:size, 0:size].astype(np.float32)
    # background: a random two-colour gradient
    a, b = rng.uniform(40, 215, 3), rng.uniform(40, 215, 3)
    t = (xs * rng.uniform(-1, 1) + ys * rng.uniform(-1, 1)) / size
    t = (t - t.min()) / max(1e-6, t.max() - t.min())
    img = a[None, None, :] * (1 - t[..., None]) + b[None, None, :] * t[..., None]
    # clutter: small discs of random colours
    for _ in range(rng.integers(2, 6)):
        cy, cx, cr = rng.uniform(0, size, 2).tolist() + [rng.uniform(0.04, 0.1) * size]
        m = (ys - cy) ** 2 + (xs - cx) ** 2 <= cr**2
        img[m] = rng.uniform(0, 255, 3)
    # the object: jittered position, size and colour
    r = rng.uniform(0.22, 0.34) * size
    cy, cx = rng.uniform(r, size - r, 2)
    colour = np.clip(np.array(COLOURS[label]) + rng.normal(0, 18, 3), 0, 255)
    img[mask(label, ys - cy, xs - cx, r)] = colour
    img += rng.normal(0, 22, img.shape)
    return np.clip(img, 0, 255).astype(np.uint8)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--size", type=int, required=True, help="side in pixels, 8 to 128")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", required=True, help="folder for images.idx, labels.idx, pairs.csv")
    a = p.parse_args()
    if not 8 <= a.size <= 128:
        p.error("--size must be 8 to 128, not %d" % a.size)
    rng = np.random.default_rng(a.seed)
    labels = np.arange(a.count) % 10
    rng.shuffle(labels)
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "images.idx"), "wb") as f:
        f.write(struct.pack(">IIIII", 0x804, a.count, a.size, a.size, 3))
        for label in labels:
            f.write(image(int(label), a.size, rng).tobytes())
    with open(os.path.join(a.out, "labels.idx"), "wb") as f:
        f.write(struct.pack(">II", 0x801, a.count))
        f.write(labels.astype(np.uint8).tobytes())
    with open(os.path.join(a.out, "pairs.csv"), "w") as f:
        f.write("# look-alike pairs of rgb_shapes.py: a flip goes to the other of the pair\n")
        for x, y in PAIRS:
            f.write("%d,%d\n%d,%d\n" % (x, y, y, x))


if __name__ == "__main__":
    main()
