"""Turn the blind second-pass sheet ('index LABEL', one a line) f2-labels.tsv over f2-sample-texts.jsonl into
labels-annotator-f2.jsonl (labeller annotator-f2). The sample file holds id, lang and text only; the source URL
is joined back by id from labels-annotator-f.jsonl (only the `source` field is read).

    python3 training/events/raw/annotator-f2/build_f2.py training/events/data/labels-annotator-f2.jsonl
"""
import json
import sys
from pathlib import Path

here = Path(__file__).parent
sys.path.insert(0, str(here.parent / "annotator-e"))
from build import parse_label  # noqa: E402

first = here.parents[1] / "data" / "labels-annotator-f.jsonl"
source = {}
for line in first.read_text(encoding="utf-8").split("\n"):
    if line.strip():
        r = json.loads(line)
        source[r["id"]] = r["source"]

texts = [json.loads(line) for line in (here / "f2-sample-texts.jsonl").read_text(encoding="utf-8").split("\n")
         if line.strip()]
labels = {}
for line in (here / "f2-labels.tsv").read_text(encoding="utf-8").split("\n"):
    if not line.strip():
        continue
    idx, label = line.strip().split(None, 1)
    labels[int(idx)] = parse_label(label, f"f2-labels.tsv:{idx}")
if sorted(labels) != list(range(len(texts))):
    sys.exit(f"f2-labels.tsv: {len(labels)} labels for {len(texts)} sample texts")
rows = [{"id": t["id"], "lang": t["lang"], "text": t["text"], **labels[i], "source": source[t["id"]],
         "labeller": "annotator-f2", "synthetic": False} for i, t in enumerate(texts)]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for r in sorted(rows, key=lambda r: r["id"]):
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
print(f"{sys.argv[1]}: {len(rows)} sentences")
