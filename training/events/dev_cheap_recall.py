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


def measure() -> dict[str, float]:
    """The cheap stage on dev-pages: pass rates, and recall of the sentences the full model types as events."""
    from training.events.embed_cache import embed  # cached: re-running after a retrain costs no encoding

    rows = dev_sentences()
    texts = [r[2] for r in rows]
    labels = model.shipped().label_embeddings(embed(texts, "query", progress=False), texts)
    passed = [model.may_hold_event(text, lang) >= model.CHEAP_THRESHOLD for _, lang, text, _ in rows]
    gold_typed = [lab.type != NONE and lab.type in types for lab, (*_, types) in zip(labels, rows, strict=True)]
    any_event = [lab.type != NONE for lab in labels]
    pairs = wanted = typed = 0  # (article, required gold type): typed by the full model; and behind the cheap stage
    for doc in sorted({r[0] for r in rows}):
        idx = [i for i, r in enumerate(rows) if r[0] == doc]
        for kind in rows[idx[0]][3]:
            wanted += 1
            typed += any(labels[i].type == kind for i in idx)
            pairs += any(labels[i].type == kind and passed[i] for i in idx)
    return {"sentences": len(rows), "pass_rate": sum(passed) / len(rows),
            "gold_typed_sentences": sum(gold_typed), "gold_typed_recall": _recall(passed, gold_typed),
            "event_sentences": sum(any_event), "event_recall": _recall(passed, any_event),
            "gold_pairs": wanted, "gold_pairs_typed": typed, "gold_pairs_typed_after_cheap": pairs}


def _recall(passed: list[bool], wanted: list[bool]) -> float:
    return sum(p for p, w in zip(passed, wanted, strict=True) if w) / max(sum(wanted), 1)


def main() -> None:
    m = measure()
    print(f"dev-pages: {m['sentences']} sentences; the cheap stage passes {m['pass_rate']:.1%}")
    print(f"sentences the full model types as a required gold type of their article: {m['gold_typed_sentences']}; "
          f"the cheap stage passes {m['gold_typed_recall']:.1%}")
    print(f"sentences the full model calls an event: {m['event_sentences']}; passed {m['event_recall']:.1%}")
    print(f"required gold (article, type) pairs: {m['gold_pairs']}; typed in some sentence by the full model "
          f"{m['gold_pairs_typed']}, behind the cheap stage {m['gold_pairs_typed_after_cheap']}")


if __name__ == "__main__":
    main()
