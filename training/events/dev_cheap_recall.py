"""What the cascade's cheap stage loses on dev-pages (evaluation only: dev-pages never trains or tunes anything).

    python -m training.events.dev_cheap_recall

The gold of dev-pages lists events per article without sentence offsets, so "the gold event sentences" are
approximated: the sentences (from the pipeline's own sentence stage) that the full model types as an event of a
type that the article's gold lists as a required event. Reported: the share of those the cheap stage passes
(1 - recall loss), the share of all dev-pages sentences it passes, and per gold event type whether at least one
sentence of the article with that type passes.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from communique.document import Document
from communique.models import events as model
from communique.pipeline import Options, process
from training.events.dataset import NONE

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def dev_sentences() -> list[tuple[str, str, str, set[str]]]:
    """(doc, lang, sentence, required gold types of the doc) for every sentence of dev-pages."""
    gold = {}
    with (SHARED / "gold" / "dev-pages.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            gold[row["doc"]] = (row["lang"], {e["type"] for e in row["events"] if not e.get("optional")})
    out = []
    for name, (lang, types) in sorted(gold.items()):
        text = (SHARED / "corpus" / "dev-pages" / name).read_text(encoding="utf-8")
        doc = process(Document(id=name, raw_text=text, lang_hint=lang), Options(), until="sentences")
        out += [(name, doc.lang, doc.text[s.start : s.end], types) for s in doc.sentences]
    return out


def main() -> None:
    rows = dev_sentences()
    labels = model.classify_sentences([r[2] for r in rows], [r[1] for r in rows])
    passed = [model.may_hold_event(text, lang) >= model.CHEAP_THRESHOLD for _, lang, text, _ in rows]
    support = [lab.type != NONE and lab.type in types for lab, (_, _, _, types) in zip(labels, rows, strict=True)]
    kept = sum(p for p, s in zip(passed, support, strict=True) if s)
    print(f"dev-pages: {len(rows)} sentences; cheap stage passes {sum(passed) / len(rows):.1%} of them")
    print(f"sentences the full model types as a required gold type of their article: {sum(support)}; "
          f"cheap stage passes {kept / max(sum(support), 1):.1%}")
    any_event = [lab.type != NONE for lab in labels]
    kept_any = sum(p for p, s in zip(passed, any_event, strict=True) if s)
    print(f"sentences the full model calls an event: {sum(any_event)}; cheap stage passes "
          f"{kept_any / max(sum(any_event), 1):.1%}")
    found: Counter[str] = Counter()  # (article, type) pairs with a sentence of that type passing the cheap stage
    typed: Counter[str] = Counter()  # the same without the cheap stage
    wanted: Counter[str] = Counter()
    for doc in sorted({r[0] for r in rows}):
        idx = [i for i, r in enumerate(rows) if r[0] == doc]
        for kind in rows[idx[0]][3]:
            wanted[kind] += 1
            typed[kind] += any(labels[i].type == kind for i in idx)
            found[kind] += any(labels[i].type == kind and passed[i] for i in idx)
    print(f"required gold (article, type) pairs typed in some sentence: full model {sum(typed.values())}, "
          f"behind the cheap stage {sum(found.values())}, of {sum(wanted.values())}")
    for kind in sorted(wanted):
        print(f"  {kind}: {found[kind]}/{typed[kind]}/{wanted[kind]}")


if __name__ == "__main__":
    main()
