"""Print sentences for labelling: each actor mention numbered inline ("[1 Putin/P]"); no labels shown.

    python -m training.participants.show FROM COUNT     (in labelling order: languages interleaved)
    python -m training.participants.show --sample       (the blind double-labelling sample)
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

SENTENCES = Path(__file__).resolve().parent / "data" / "sentences.jsonl"
KIND = {"person": "P", "organization": "O", "country": "C"}


def labelling_order() -> list[dict[str, object]]:
    """Sentences in the order they are labelled: one language after another in turn, each language's
    sentences in the order of a hash of their id (a fixed random order)."""
    by_lang: dict[str, list[dict[str, object]]] = defaultdict(list)
    for line in SENTENCES.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        by_lang[str(row["lang"])].append(row)
    queues = [sorted(rows, key=lambda r: hashlib.sha1(str(r["id"]).encode()).hexdigest())
              for _, rows in sorted(by_lang.items())]
    out = []
    for i in range(max(len(q) for q in queues)):
        out += [q[i] for q in queues if i < len(q)]
    return out


LABELLED = 1200  # sentences of the first pass (the head of the labelling order)


def double_sample() -> list[dict[str, object]]:
    """The blind second-pass sample: every labelled sentence whose id hashes to 0 mod 10, in the order of a
    second hash (not the first pass's order, so that neighbours do not recall their first labels)."""
    rows = [r for r in labelling_order()[:LABELLED]
            if int(hashlib.sha1(str(r["id"]).encode()).hexdigest(), 16) % 10 == 0]
    return sorted(rows, key=lambda r: hashlib.sha1(("second:" + str(r["id"])).encode()).hexdigest())


def marked(row: dict[str, object]) -> str:
    text = str(row["text"])
    mentions = list(row["mentions"])  # type: ignore[call-overload]
    pieces, pos = [], 0
    for i, m in enumerate(mentions, 1):
        if m["start"] < pos:
            continue
        pieces += [text[pos : m["start"]], f"[{i} {text[m['start']:m['end']]}/{KIND[m['kind']]}]"]
        pos = m["end"]
    pieces.append(text[pos:])
    return "".join(pieces).replace("\n", " ")


def main() -> None:
    rows = double_sample() if sys.argv[1] == "--sample" else labelling_order()
    start, count = (0, len(rows)) if sys.argv[1] == "--sample" else (int(sys.argv[1]), int(sys.argv[2]))
    for n, row in enumerate(rows[start : start + count], start):
        print(f"#{n} {row['id']} {row['lang']} {row['type']}\n  {marked(row)}")


if __name__ == "__main__":
    main()
