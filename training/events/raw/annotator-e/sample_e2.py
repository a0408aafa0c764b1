"""Draw the blind 10% double-labelling sample (random.Random(1)) of labels-annotator-e.jsonl; texts only, no labels.

    python3 training/events/raw/annotator-e/sample_e2.py training/events/data/labels-annotator-e.jsonl \
        training/events/raw/annotator-e/e2-sample-texts.jsonl
The drawn sample is committed: rerunning on a grown file would draw a different sample.
"""
import json
import random
import sys
from pathlib import Path

rows = [json.loads(line) for line in Path(sys.argv[1]).read_text(encoding="utf-8").split("\n") if line.strip()]
sample = random.Random(1).sample(rows, k=round(len(rows) * 0.1))
with open(sys.argv[2], "w", encoding="utf-8") as fh:
    for r in sample:
        fh.write(json.dumps({"id": r["id"], "lang": r["lang"], "text": r["text"], "source": r["source"]},
                            ensure_ascii=False) + "\n")
for i, r in enumerate(sample):
    print(i, r["lang"], r["text"][:400].replace("\n", " "))
