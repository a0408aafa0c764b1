"""The whole pipeline on the held-out labelled sentences, each read as a one-sentence document.

    python -m training.events.sentence_recall [--limit N] [--lang ar,fa] [--json]

The model card's held-out numbers (`training.events.evaluate`) score the sentence model alone. An event record
also needs actors, sides and the filters of the events stage, and a sentence the model types right can still
give no record. This measures what a user gets: for every held-out real sentence (never trained on), the
pipeline runs on that sentence alone (document date 2024-01-01, its labelled language) and we count
- on event sentences: the gold type among the types of the records made (the measure of the one-sentence PLOVER
  examples), and any record at all;
- on NONE sentences: any record at all (false alarms).
Per type and per language, so that what the event stage loses is visible where it is lost.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from training.events import dataset
from training.events.dataset import NONE, Example

ANCHOR_DATE = "2024-01-01"  # any date: the measure is about types, not dates


@dataclass(frozen=True, slots=True)
class Outcome:
    """One held-out sentence: its labelled type and language, and the types of the records the pipeline made."""

    gold: str
    lang: str
    predicted: frozenset[str]

    @property
    def found(self) -> bool:
        return self.gold in self.predicted


def held_out_sentences(examples: Iterable[Example], limit: int | None = None,
                       langs: frozenset[str] = frozenset()) -> list[Example]:
    """Held-out real sentences in a fixed order (the split's own hash order; `limit` keeps a stable prefix).

    `langs`, when given, keeps only the sentences of those languages (a full run takes minutes).
    """
    rows = sorted((e for e in examples if e.held_out and not e.synthetic and (not langs or e.lang in langs)),
                  key=_text_hash)
    return rows[:limit] if limit else rows


def _text_hash(e: Example) -> str:
    return hashlib.sha256(e.text.encode("utf-8")).hexdigest()


def run_pipeline(sentences: Sequence[Example]) -> list[Outcome]:
    """Each sentence through every stage as its own document (one process: the models load once)."""
    from communique.document import Document  # lazy: training code imports the package only when measuring
    from communique.pipeline import Options, process_all

    docs = [Document(id=f"s{i:05d}", raw_text=e.text, lang_hint=e.lang, date=ANCHOR_DATE,
                     date_source="metadata")
            for i, e in enumerate(sentences)]
    outcomes = []
    for example, doc in zip(sentences, process_all(docs, Options()), strict=True):
        types = frozenset(ev.type for ev in getattr(doc, "events", []))
        outcomes.append(Outcome(example.type, example.lang, types))
    return outcomes


def summarize(outcomes: Sequence[Outcome]) -> dict:
    """Shares of event sentences typed right and with any record; false alarms on NONE; per type and language."""
    events = [o for o in outcomes if o.gold != NONE]
    nones = [o for o in outcomes if o.gold == NONE]
    by_type: dict[str, Counter[bool]] = defaultdict(Counter)
    by_lang: dict[str, Counter[bool]] = defaultdict(Counter)
    any_by_lang: dict[str, Counter[bool]] = defaultdict(Counter)
    none_by_lang: dict[str, Counter[bool]] = defaultdict(Counter)
    for o in events:
        by_type[o.gold][o.found] += 1
        by_lang[o.lang][o.found] += 1
        any_by_lang[o.lang][bool(o.predicted)] += 1
    for o in nones:
        none_by_lang[o.lang][bool(o.predicted)] += 1
    return {
        "event_sentences": len(events),
        "gold_type_found": _share(sum(o.found for o in events), len(events)),
        "any_record": _share(sum(bool(o.predicted) for o in events), len(events)),
        "none_sentences": len(nones),
        "none_with_record": _share(sum(bool(o.predicted) for o in nones), len(nones)),
        "by_type": {k: [v[True], v[True] + v[False]] for k, v in sorted(by_type.items())},
        "by_lang": {k: [v[True], v[True] + v[False]] for k, v in sorted(by_lang.items())},
        "any_record_by_lang": {k: [v[True], v[True] + v[False]] for k, v in sorted(any_by_lang.items())},
        "none_with_record_by_lang": {k: [v[True], v[True] + v[False]] for k, v in sorted(none_by_lang.items())},
    }


def _share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="The pipeline on held-out labelled sentences (see the module docstring).")
    ap.add_argument("--limit", type=int, help="only the first N held-out sentences (stable order)")
    ap.add_argument("--lang", default="", help="only these languages, comma-separated codes (e.g. ar,fa,he)")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = ap.parse_args(argv)
    langs = frozenset(code.strip() for code in args.lang.split(",") if code.strip())
    summary = summarize(run_pipeline(held_out_sentences(dataset.load(), args.limit, langs)))
    if args.json:
        print(json.dumps(summary, indent=1, sort_keys=True))
        return
    print(f"{summary['event_sentences']} held-out event sentences, one document each: gold type among the records "
          f"{summary['gold_type_found']:.3f}, any record {summary['any_record']:.3f}; "
          f"{summary['none_sentences']} NONE sentences with a record {summary['none_with_record']:.3f}")
    for name in ("by_type", "by_lang", "any_record_by_lang", "none_with_record_by_lang"):
        print(name.replace("_", " ") + ": " + " ".join(f"{k} {v[0]}/{v[1]}" for k, v in summary[name].items()))


if __name__ == "__main__":
    main()
