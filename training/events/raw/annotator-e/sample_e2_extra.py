"""Draw the blind 10% second-pass sample (random.Random(1)) of the sentences added to labels-annotator-e.jsonl
after an earlier version of it; texts only, no labels.

    git show 31be8b2:training/events/data/labels-annotator-e.jsonl > /tmp/e-old.jsonl
    python3 training/events/raw/annotator-e/sample_e2_extra.py /tmp/e-old.jsonl \
        training/events/data/labels-annotator-e.jsonl training/events/raw/annotator-e/e2-sample-texts-extra.jsonl
The drawn sample is committed (e2-sample-texts-extra.jsonl); labels in e2-labels-extra.tsv.
"""
import json
import random
import sys
from pathlib import Path


def read_jsonl(path: str) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").split("\n") if line.strip()]


old = {r["id"] for r in read_jsonl(sys.argv[1])}
rows = [r for r in read_jsonl(sys.argv[2]) if r["id"] not in old]
sample = random.Random(1).sample(rows, k=round(len(rows) * 0.1))
with open(sys.argv[3], "w", encoding="utf-8") as fh:
    for r in sample:
        fh.write(json.dumps({"id": r["id"], "lang": r["lang"], "text": r["text"], "source": r["source"]},
                            ensure_ascii=False) + "\n")
for i, r in enumerate(sample):
    print(i, r["lang"], r["text"][:400].replace("\n", " "))
