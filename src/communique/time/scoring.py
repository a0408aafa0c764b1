"""TIMEX3 scoring: span overlap P/R/F1, value accuracy on found spans, combined (span and value) F1.

The dev sets are JSONL, one document a line (`data-sources/timex/*.jsonl`): `doc_id`, `lang`, `dct`,
`text`, `timex` = [{"start", "end", "text", "type", "value", "mod"}]. A system timex matches a gold
one when their spans overlap; each gold and each system timex is matched at most once (largest
overlap first, then text order), as in the TempEval-3 relaxed span measure.

    span P/R/F1   matched system / system, matched gold / gold
    value acc.    matched pairs with the exact gold value / matched pairs
    combined F1   pairs that match AND have the exact value, over system and over gold

`system_timexes(record)` runs the time stage on one record's text with its DCT and language; a
range found as one expression ("from 20 to 23 January") is scored as its two TIMEX3 parts, as
TimeML annotates it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique.document import Document, Timex
from communique.errors import InputError
from communique.options import Options

__all__ = ["Annotation", "Scores", "load_jsonl", "match", "score_document", "system_timexes"]


@dataclass(frozen=True, slots=True)
class Annotation:
    """One TIMEX3: span, type and value (None when unknown)."""

    start: int
    end: int
    value: str | None
    type: str = "DATE"
    text: str = ""


@dataclass(slots=True)
class Scores:
    """Counts over any number of documents; the measures are properties."""

    gold: int = 0
    system: int = 0
    matched: int = 0
    exact_value: int = 0
    errors: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)  # doc, text, gold, sys
    missed: list[tuple[str, str, str | None]] = field(default_factory=list)  # doc, text, gold value
    spurious: list[tuple[str, str, str | None]] = field(default_factory=list)  # doc, text, system value

    def add(self, other: Scores) -> None:
        self.gold += other.gold
        self.system += other.system
        self.matched += other.matched
        self.exact_value += other.exact_value
        self.errors += other.errors
        self.missed += other.missed
        self.spurious += other.spurious

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return self._f1(self.precision, self.recall)

    @property
    def value_accuracy(self) -> float:
        return self.exact_value / self.matched if self.matched else 0.0

    @property
    def combined_f1(self) -> float:
        p = self.exact_value / self.system if self.system else 0.0
        r = self.exact_value / self.gold if self.gold else 0.0
        return self._f1(p, r)

    def row(self) -> dict[str, float | int]:
        return {"gold": self.gold, "system": self.system, "P": round(self.precision, 3),
                "R": round(self.recall, 3), "F1": round(self.f1, 3), "value_acc": round(self.value_accuracy, 3),
                "combined_F1": round(self.combined_f1, 3)}


def _overlap(a: Annotation, b: Annotation) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match(gold: list[Annotation], system: list[Annotation]) -> list[tuple[Annotation, Annotation]]:
    """One-to-one pairs of overlapping gold and system timexes, largest overlap first."""
    candidates = sorted(
        ((_overlap(g, s), gi, si) for gi, g in enumerate(gold) for si, s in enumerate(system) if _overlap(g, s) > 0),
        key=lambda t: (-t[0], t[1], t[2]))
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, si in candidates:
        if gi not in used_gold and si not in used_system:
            used_gold.add(gi)
            used_system.add(si)
            pairs.append((gi, si))
    return [(gold[gi], system[si]) for gi, si in sorted(pairs)]


def score_document(doc_id: str, gold: list[Annotation], system: list[Annotation]) -> Scores:
    pairs = match(gold, system)
    scores = Scores(gold=len(gold), system=len(system), matched=len(pairs))
    for g, s in pairs:
        if g.value == s.value:
            scores.exact_value += 1
        else:
            scores.errors.append((doc_id, f"{g.text} | {s.text}", g.value, s.value))
    matched_gold = {id(g) for g, _ in pairs}
    matched_system = {id(s) for _, s in pairs}
    scores.missed = [(doc_id, g.text, g.value) for g in gold if id(g) not in matched_gold]
    scores.spurious = [(doc_id, s.text, s.value) for s in system if id(s) not in matched_system]
    return scores


def load_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The documents of a dev set; a bad line raises InputError naming the file and line."""
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"]
                for t in record.get("timex", []):
                    if text[t["start"] : t["end"]] != t["text"]:
                        raise ValueError(f"timex {t['text']!r} is not text[{t['start']}:{t['end']}]")
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(str(path), str(exc), number) from None
            yield record


def gold_annotations(record: dict[str, Any]) -> list[Annotation]:
    return [Annotation(t["start"], t["end"], t.get("value"), t.get("type", "DATE"), t.get("text", ""))
            for t in record.get("timex", [])]


def _parts(t: Timex) -> Iterable[Annotation]:
    """A range as its two TIMEX3 parts when the stage knows where each part is; else itself."""
    if t.end_value and t.first_end is not None and t.second_start is not None:
        yield Annotation(t.start, t.first_end, t.value, t.type, t.text[: t.first_end - t.start])
        yield Annotation(t.second_start, t.end, t.end_value, t.type, t.text[t.second_start - t.start :])
    else:
        yield Annotation(t.start, t.end, t.value, t.type, t.text)


def system_timexes(record: dict[str, Any]) -> list[Annotation]:
    """The time stage's timexes on one dev record (text as given, its DCT and language)."""
    from communique.time import tag_time  # lazy: the scorer module is imported by the stage's package

    doc = Document(id=str(record.get("doc_id", "")), raw_text=record["text"], text=record["text"],
                   date=record.get("dct"), lang=record.get("lang") or "und")
    tag_time(doc, Options())
    return [a for t in doc.timexes for a in _parts(t)]


def score_records(records: Iterable[dict[str, Any]]) -> Scores:
    total = Scores()
    for record in records:
        total.add(score_document(str(record.get("doc_id")), gold_annotations(record), system_timexes(record)))
    return total
