"""Inter-annotator agreement on the TIMEX3 dev sets: `<lang>.jsonl` (A) against `<lang>.b.jsonl` (B).

Only the doc_ids present in B are compared. Spans match when they overlap (one-to-one, largest overlap first),
as in the TempEval-3 relaxed span measure; the value is compared exactly on matched pairs (TIMEX3 value and
type). Usage: python agreement.py [LANG ...]   (default: every language that has a .b.jsonl file)
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass
class Counts:
    """Tallies of one comparison (a document, a language or everything)."""

    a: int = 0
    b: int = 0
    matched: int = 0
    exact_span: int = 0
    same_value: int = 0
    same_type: int = 0

    def add(self, other: Counts) -> None:
        for name in ("a", "b", "matched", "exact_span", "same_value", "same_type"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def f1(self, hits: int) -> float:
        precision = hits / self.b if self.b else 0.0
        recall = hits / self.a if self.a else 0.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def load(path: Path) -> dict[str, list[dict]]:
    """doc_id -> list of timex dicts; one clear line and exit on unreadable input."""
    docs: dict[str, list[dict]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            docs[record["doc_id"]] = record["timex"]
        except (json.JSONDecodeError, KeyError) as error:
            sys.exit(f"{path}:{number}: not a TIMEX3 document line ({error})")
    return docs


def overlap(x: dict, y: dict) -> int:
    return min(x["end"], y["end"]) - max(x["start"], y["start"])


def compare(gold: list[dict], other: list[dict]) -> Counts:
    """Greedy one-to-one matching of overlapping spans, largest overlap first."""
    pairs = sorted(
        ((overlap(x, y), i, j) for i, x in enumerate(gold) for j, y in enumerate(other) if overlap(x, y) > 0),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_other: set[int] = set()
    counts = Counts(a=len(gold), b=len(other))
    for _, i, j in pairs:
        if i in used_gold or j in used_other:
            continue
        used_gold.add(i)
        used_other.add(j)
        x, y = gold[i], other[j]
        counts.matched += 1
        counts.exact_span += (x["start"], x["end"]) == (y["start"], y["end"])
        counts.same_value += x["value"] == y["value"]
        counts.same_type += x["type"] == y["type"]
    return counts


def language_counts(lang: str) -> Counts:
    first = load(HERE / f"{lang}.jsonl")
    second = load(HERE / f"{lang}.b.jsonl")
    total = Counts()
    for doc_id, timex in second.items():
        if doc_id not in first:
            sys.exit(f"{lang}.b.jsonl: {doc_id} is not in {lang}.jsonl")
        total.add(compare(first[doc_id], timex))
    return total


def row(name: str, docs: int, c: Counts) -> str:
    value_accuracy = c.same_value / c.matched if c.matched else 0.0
    type_accuracy = c.same_type / c.matched if c.matched else 0.0
    return (
        f"| {name} | {docs} | {c.a} | {c.b} | {c.f1(c.matched):.3f} | {c.f1(c.exact_span):.3f} | "
        f"{value_accuracy:.3f} | {type_accuracy:.3f} | {c.f1(c.same_value):.3f} |"
    )


def main(langs: list[str]) -> None:
    if not langs:
        langs = sorted(p.name.split(".")[0] for p in HERE.glob("*.b.jsonl"))
    print("| lang | docs | TIMEX3 A | TIMEX3 B | span F1 (overlap) | span F1 (exact) | value acc. (matched) "
          "| type acc. (matched) | combined F1 (overlap + value) |")
    print("|---|---|---|---|---|---|---|---|---|")
    everything = Counts()
    all_docs = 0
    for lang in langs:
        counts = language_counts(lang)
        docs = len(load(HERE / f"{lang}.b.jsonl"))
        all_docs += docs
        everything.add(counts)
        print(row(lang, docs, counts))
    print(row("all", all_docs, everything))


if __name__ == "__main__":
    main(sys.argv[1:])
