"""Draw the blind 10% double-labelling sample (random.Random(1) over the records sorted by id) of
labels-annotator-f.jsonl; writes id, lang and text only (no labels, no source).

    python3 training/events/raw/annotator-f2/sample_f2.py training/events/data/labels-annotator-f.jsonl \
        training/events/raw/annotator-f2/f2-sample-texts.jsonl
The drawn sample is committed: rerunning on a grown file would draw a different sample.
"""
import json
import random
import sys
from pathlib import Path

rows = [json.loads(line) for line in Path(sys.argv[1]).read_text(encoding="utf-8").split("\n") if line.strip()]
rows.sort(key=lambda r: r["id"])
sample = random.Random(1).sample(rows, k=round(len(rows) * 0.1))
with open(sys.argv[2], "w", encoding="utf-8") as fh:
    for r in sample:
        fh.write(json.dumps({"id": r["id"], "lang": r["lang"], "text": r["text"]}, ensure_ascii=False) + "\n")
for i, r in enumerate(sample):
    print(i, r["lang"], r["text"][:400].replace("\n", " "))
