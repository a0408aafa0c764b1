"""Turn the second-pass label sheet (index LABEL) over d2-sample-texts.jsonl into labels-annotator-d2.jsonl."""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from build import parse_label  # noqa: E402

here = Path(__file__).parent
texts = [json.loads(line) for line in open(here / "d2-sample-texts.jsonl", encoding="utf-8")]
labels = {}
for line in open(here / "d2-labels.tsv", encoding="utf-8"):
    idx, _, label = line.strip().partition(" ")
    labels[int(idx)] = parse_label(label, f"d2-labels.tsv:{idx}")
assert len(labels) == len(texts), (len(labels), len(texts))
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for i, t in enumerate(texts):
        rec = {"id": t["id"], "lang": t["lang"], "text": t["text"], **labels[i], "source": t["source"],
               "labeller": "annotator-d2", "synthetic": False}
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
print(f"{sys.argv[1]}: {len(texts)} sentences")
