#!/usr/bin/env bash
# Writes two real feature tables for `relabel bench --table` and `relabel score --table`
# (docs/benchmarks.md, "Feature tables"): the Wisconsin breast-cancer table (569 rows, 30 numeric
# columns, malignant/benign) and the wine table (178 rows, 13 numeric columns, 3 cultivars), as
# scikit-learn ships them in Debian's python3-sklearn package (BSD-3-Clause; the data from the UCI
# repository). The .deb is downloaded with `apt-get download` and unpacked, never installed. Each
# CSV gets a header row f1,...,fN,label and its class names in the label column, into
# target/bench-data/ (or the folder $1). Needs apt-get and dpkg-deb (Debian, Ubuntu).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../../target/bench-data}"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download python3-sklearn >/dev/null 2>&1 && dpkg-deb -x python3-sklearn_*.deb deb)
data="$(find "$work/deb" -type d -path '*sklearn/datasets/data' | head -1)"
for name in breast_cancer wine_data; do
  # the first line is "rows,columns,class 0,class 1,...": a header and class names instead
  awk -F, 'NR == 1 { d = $2; for (k = 3; k <= NF; k++) cls[k - 3] = $k;
                     for (i = 1; i <= d; i++) printf "f%d,", i; print "label"; next }
           { $NF = cls[$NF]; print }' OFS=, "$data/$name.csv" > "$out/$name.csv"
  echo "$out/$name.csv: $(($(wc -l < "$out/$name.csv") - 1)) rows"
done
