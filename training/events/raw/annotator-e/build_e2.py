"""Turn the blind second-pass sheet e2-labels.tsv ('index LABEL', over e2-sample-texts.jsonl) into
labels-annotator-e2.jsonl (labeller annotator-e2)."""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from build import parse_label  # noqa: E402

here = Path(__file__).parent
texts = [json.loads(line) for line in open(here / "e2-sample-texts.jsonl", encoding="utf-8")]
labels = {}
for line in open(here / "e2-labels.tsv", encoding="utf-8"):
    idx, _, label = line.strip().partition(" ")
    labels[int(idx)] = parse_label(label, f"e2-labels.tsv:{idx}")
if sorted(labels) != list(range(len(texts))):
    sys.exit(f"e2-labels.tsv: {len(labels)} labels for {len(texts)} sample texts")
rows = [{"id": t["id"], "lang": t["lang"], "text": t["text"], **labels[i], "source": t["source"],
         "labeller": "annotator-e2", "synthetic": False} for i, t in enumerate(texts)]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for r in sorted(rows, key=lambda r: r["id"]):
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
print(f"{sys.argv[1]}: {len(rows)} sentences")
