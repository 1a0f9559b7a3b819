#!/usr/bin/env python3
"""Ranks one benchmark setting with the probabilities of two networks trained on the same noisy
labels (two `relabel bench --scores-out` files of one seed, e.g. `--model cnn` and `--model lenet`):
each network's own default ensemble, and the ensemble recomputed from the mean of their
out-of-sample and/or final probabilities (model diversity, issue 12). Prints AUROC, P@100, P@500,
P@1000 and suggestion accuracy, and the first file's best single methods by AUROC. Needs numpy.
Figures: docs/benchmarks.md, "Two networks instead of one".

    python3 tools/bench-data/two-networks.py fa30-cnn.csv fa30-lenet.csv
"""
import sys, os
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
ov = __import__("oos-variants")
compare = __import__("compare-ensembles")
ranks, auroc, pat = compare.ranks, compare.auroc, compare.precision_at
a = ov.load(sys.argv[1]); b = ov.load(sys.argv[2])
assert (a["given"] == b["given"]).all()
given, wrong, truth = a["given"], a["wrong"], a["truth"]
def ens(final, oos, soft):
    m, sug = ov.margin((final + oos) / 2, given)
    return 4 * ranks(m) + ranks(soft), m, sug
def row(name, score, sug=None):
    s = f"{name:44s} {auroc(score, wrong):.4f} {pat(score, wrong, 100):.2f} {pat(score, wrong, 500):.3f} {pat(score, wrong, 1000):.3f}"
    if sug is not None: s += f" sugg {(sug[wrong] == truth[wrong]).mean():.3f}"
    print(s)
ea, ma, sa = ens(a["final"], a["oos"], a["softlabel"])
eb, mb, sb = ens(b["final"], b["oos"], b["softlabel"])
print("oos acc a %.4f b %.4f mean %.4f" % ((a["oos"].argmax(1)==truth).mean(), (b["oos"].argmax(1)==truth).mean(), (((a["oos"]+b["oos"])/2).argmax(1)==truth).mean()))
row("A default", ea, sa); row("A margin", ma)
row("B default", eb, sb); row("B margin", mb)
e, m, s = ens(a["final"], (a["oos"] + b["oos"]) / 2, a["softlabel"]); row("A final, mean oos", e, s)
e, m, s = ens((a["final"] + b["final"]) / 2, (a["oos"] + b["oos"]) / 2, a["softlabel"]); row("mean final, mean oos, soft A", e, s); row("  its margin", m)
e, m, s = ens((a["final"] + b["final"]) / 2, (a["oos"] + b["oos"]) / 2, ranks(a["softlabel"]) + ranks(b["softlabel"])); row("mean final, mean oos, soft A+B", e, s)
row("rank sum of the two ensembles", ranks(ea) + ranks(eb))
# best single method of A
h, col, w = compare.read_scores(sys.argv[1])
best = []
for name in h:
    if name in ("ensemble",) or name.startswith(("oos_", "final_")) or name in ("given_label","true_label","sample_index","id","std_p_given"): continue
    try:
        v = col(name).astype(float)
        if np.isnan(v).all(): continue
        best.append((auroc(v, wrong), name))
    except Exception: pass
print(sorted(best)[-4:])
