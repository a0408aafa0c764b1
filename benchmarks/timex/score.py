"""Score the time stage (or a second annotator) against TIMEX3 dev sets.

    python -m benchmarks.timex.score data-sources/timex/tempeval3-platinum.jsonl [more.jsonl ...]
    python -m benchmarks.timex.score GOLD.jsonl --against OTHER.jsonl   (agreement of two label files)
    options: --errors N (print N value errors, misses and spurious finds per file), --json

Per file: gold and system counts, span overlap P/R/F1, value accuracy on found spans, combined F1.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from communique.errors import InputError
from communique.time.scoring import Scores, gold_annotations, load_jsonl, score_document, score_records


def _agreement(gold: Path, other: Path) -> Scores:
    by_id = {str(r["doc_id"]): r for r in load_jsonl(other)}
    total = Scores()
    for record in load_jsonl(gold):
        second = by_id.get(str(record["doc_id"]))
        if second is not None:
            total.add(score_document(str(record["doc_id"]), gold_annotations(record), gold_annotations(second)))
    return total


def _print_errors(scores: Scores, n: int) -> None:
    for label, rows in (("value", scores.errors), ("missed", scores.missed), ("spurious", scores.spurious)):
        for row in rows[:n]:
            print(f"  {label:8s} " + " | ".join(str(x) for x in row))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--against", type=Path, help="a second label file: agreement instead of the system")
    parser.add_argument("--errors", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    header = f"{'file':34s} {'gold':>5s} {'sys':>5s} {'P':>6s} {'R':>6s} {'F1':>6s} {'val':>6s} {'comb':>6s}"
    if not args.json:
        print(header)
    for path in args.files:
        try:
            scores = _agreement(path, args.against) if args.against else score_records(load_jsonl(path))
        except (InputError, OSError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        row = scores.row()
        if args.json:
            print(json.dumps({"file": str(path), **row}))
        else:
            print(f"{path.name:34s} {row['gold']:5d} {row['system']:5d} {row['P']:6.3f} {row['R']:6.3f} "
                  f"{row['F1']:6.3f} {row['value_acc']:6.3f} {row['combined_F1']:6.3f}")
        if args.errors:
            _print_errors(scores, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
