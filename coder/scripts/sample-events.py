#!/usr/bin/env python3
"""Draw a reproducible random sample of coded events for a precision judgement.

Usage: bin/parley code < ../shared/corpus/wikinews-2019-2020.jsonl > /tmp/coded.jsonl
       python3 coder/scripts/sample-events.py /tmp/coded.jsonl 50 > sample.md
Every event of every article is equally likely; the seed fixes the draw, so the sample can be redrawn.
"""
import json
import random
import sys

coded, n = sys.argv[1], int(sys.argv[2])
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 12
events = []
articles = 0
with open(coded, encoding="utf-8") as f:
    for line in f:
        rec = json.loads(line)
        articles += 1
        for e in rec.get("events", []):
            events.append((rec["id"], e))
random.Random(seed).shuffle(events)
print(f"{len(events)} events from {articles} articles; sample of {min(n, len(events))} (seed {seed})\n")
print("| # | article | event | rule | sentence | judgement |")
print("|---|---|---|---|---|---|")
for i, (aid, e) in enumerate(events[:n], 1):
    src = e["source"]["code"]
    tgt = e["target"]["code"] if e.get("target") else "-"
    sentence = " ".join(e.get("sentence", "").split()).replace("|", "/")
    print(f"| {i} | {aid} | {src}→{tgt} {e['cameo']} | {e.get('rule','')} | {sentence} | |")
