"""Turn the second-pass label sheet (index LABEL) over d2-sample-texts.jsonl (+ the extra sample of
sentences added later, d2-sample-texts-extra.jsonl / d2-labels-extra.tsv) into labels-annotator-d2.jsonl."""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from build import parse_label  # noqa: E402

here = Path(__file__).parent
texts, labels = [], {}
for tf, lf in [("d2-sample-texts.jsonl", "d2-labels.tsv"), ("d2-sample-texts-extra.jsonl", "d2-labels-extra.tsv"),
               ("d2-sample-texts-extra2.jsonl", "d2-labels-extra2.tsv")]:
    if not (here / tf).exists():
        continue
    base = len(texts)
    part = [json.loads(line) for line in open(here / tf, encoding="utf-8")]
    n = 0
    for line in open(here / lf, encoding="utf-8"):
        idx, _, label = line.strip().partition(" ")
        labels[base + int(idx)] = parse_label(label, f"{lf}:{idx}")
        n += 1
    assert n == len(part), (lf, n, len(part))
    texts += part
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for i, t in enumerate(texts):
        rec = {"id": t["id"], "lang": t["lang"], "text": t["text"], **labels[i], "source": t["source"],
               "labeller": "annotator-d2", "synthetic": False}
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
print(f"{sys.argv[1]}: {len(texts)} sentences")
