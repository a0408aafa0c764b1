"""Turn the blind second-pass sheets ('index LABEL') e2-labels.tsv over e2-sample-texts.jsonl and
e2-labels-extra.tsv over e2-sample-texts-extra.jsonl into labels-annotator-e2.jsonl (labeller annotator-e2).

    python3 training/events/raw/annotator-e/build_e2.py training/events/data/labels-annotator-e2.jsonl
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))
from build_sheets import parse_label  # noqa: E402

here = Path(__file__).parent
texts, labels = [], {}
for text_file, label_file in [("e2-sample-texts.jsonl", "e2-labels.tsv"),
                              ("e2-sample-texts-extra.jsonl", "e2-labels-extra.tsv")]:
    part = [json.loads(line) for line in (here / text_file).read_text(encoding="utf-8").split("\n") if line.strip()]
    got = {}
    for line in (here / label_file).read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        idx, _, label = line.strip().partition(" ")
        got[int(idx)] = parse_label(label, f"{label_file}:{idx}")
    if sorted(got) != list(range(len(part))):
        sys.exit(f"{label_file}: {len(got)} labels for {len(part)} sample texts")
    labels.update({len(texts) + i: lab for i, lab in got.items()})
    texts += part
rows = [{"id": t["id"], "lang": t["lang"], "text": t["text"], **labels[i], "source": t["source"],
         "labeller": "annotator-e2", "synthetic": False} for i, t in enumerate(texts)]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for r in sorted(rows, key=lambda r: r["id"]):
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
print(f"{sys.argv[1]}: {len(rows)} sentences")
