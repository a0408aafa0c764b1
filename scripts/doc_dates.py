#!/usr/bin/env python3
"""How many documents get a date when the input gives none (time.docdate), by how, and how those dates
compare with the gold documents' dates (a check on the rules, not a target to fit).

    PYTHONPATH=src python scripts/doc_dates.py [PATH ...]   (default: the shared corpus)

Runs the pipeline up to the time stage only (no actors, no events model).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from communique.errors import InputError
from communique.options import Options
from communique.pipeline import process_all
from communique.read import read_inputs

SHARED = Path("/work/shared")
DEFAULT_INPUTS = ("dev-pages", "seeds", "news-sample.jsonl", "factrueval-dev.jsonl")


def gold_dates(gold_dir: Path) -> dict[str, str]:
    dates: dict[str, str] = {}
    for name in ("dev-pages.jsonl", "seeds.jsonl"):
        for line in (gold_dir / name).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record.get("doc_date"):
                dates[record["doc"]] = record["doc_date"]
    return dates


def compare(found: str | None, gold: str) -> str:
    if found is None:
        return "undated"
    if found == gold:
        return "same day"
    if found.startswith("--"):
        return "same day, year unknown" if gold.endswith(found[1:]) else "different"
    return "same month (the page shows only the month)" if gold.startswith(found) else "different"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(SHARED / "corpus" / p) for p in DEFAULT_INPUTS])
    parser.add_argument("--gold", type=Path, default=SHARED / "gold")
    args = parser.parse_args()
    gold = gold_dates(args.gold)
    for path in args.paths:
        how: Counter[str] = Counter()
        against: Counter[str] = Counter()
        total = 0
        for doc in process_all(read_inputs([path]), Options(), until="time"):
            if isinstance(doc, InputError):
                continue
            total += 1
            how[doc.date_source or "undated"] += 1
            if (wanted := gold.get(Path(doc.id).name)) is not None:
                against[compare(doc.date, wanted)] += 1
        dated = total - how["undated"]
        print(f"{Path(path).name}: {dated}/{total} dated; by {dict(sorted(how.items()))}")
        if against:
            print(f"  against {sum(against.values())} gold document dates: {dict(sorted(against.items()))}")


if __name__ == "__main__":
    main()
