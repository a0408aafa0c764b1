"""A blind second labelling pass over a 10% sample of one annotator's labels (annotator-f2, annotator-g2).

    python3 training/events/raw/second_pass.py sample annotator-g   # -> raw/annotator-g2/g2-sample-texts.jsonl
    python3 training/events/raw/second_pass.py build annotator-g    # raw/annotator-g2/g2-labels.tsv -> data/labels-annotator-g2.jsonl

`sample` draws random.Random(1) over the first pass's records sorted by id and writes id, lang and text only (no
labels, no source), so the second annotator labels blind. The drawn sample is committed: rerunning on a grown file
would draw a different one. `build` reads the sheet ('index LABEL', one a line) over the sample and joins the
source URL back by id from the first pass (only its `source` field is read).
"""
import json
import random
import sys
from pathlib import Path

from build_sheets import parse_label

RAW = Path(__file__).parent
DATA = RAW.parent / "data"
SHARE = 0.1


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def sample(first: str) -> None:
    folder, short = RAW / f"{first}2", f"{first[-1]}2"
    rows = sorted(_records(DATA / f"labels-{first}.jsonl"), key=lambda r: r["id"])
    drawn = random.Random(1).sample(rows, k=round(len(rows) * SHARE))
    folder.mkdir(exist_ok=True)
    with open(folder / f"{short}-sample-texts.jsonl", "w", encoding="utf-8") as fh:
        for r in drawn:
            fh.write(json.dumps({"id": r["id"], "lang": r["lang"], "text": r["text"]}, ensure_ascii=False) + "\n")
    for i, r in enumerate(drawn):
        print(i, r["lang"], r["text"][:400].replace("\n", " "))


def build(first: str) -> None:
    folder, short, second = RAW / f"{first}2", f"{first[-1]}2", f"{first}2"
    source = {r["id"]: r["source"] for r in _records(DATA / f"labels-{first}.jsonl")}
    texts = _records(folder / f"{short}-sample-texts.jsonl")
    labels = {}
    for line in (folder / f"{short}-labels.tsv").read_text(encoding="utf-8").split("\n"):
        if line.strip():
            idx, label = line.strip().split(None, 1)
            labels[int(idx)] = parse_label(label, f"{short}-labels.tsv:{idx}")
    if sorted(labels) != list(range(len(texts))):
        sys.exit(f"{short}-labels.tsv: {len(labels)} labels for {len(texts)} sample texts")
    rows = [{"id": t["id"], "lang": t["lang"], "text": t["text"], **labels[i], "source": source[t["id"]],
             "labeller": second, "synthetic": False} for i, t in enumerate(texts)]
    out = DATA / f"labels-{second}.jsonl"
    with open(out, "w", encoding="utf-8") as fh:
        for r in sorted(rows, key=lambda r: r["id"]):
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{out}: {len(rows)} sentences")


if __name__ == "__main__":
    {"sample": sample, "build": build}[sys.argv[1]](sys.argv[2])
