"""Gathers the event labels into training/events/data/ so that `python -m training.events.train` sees them.

    python -m training.events.collect [--data-from DIR] [--labels-from DIR]

Copies, byte for byte and in sorted order:
- the converted public sources written by the data helper (default ../wt-events-data/training/events/data/*.jsonl,
  label files only: pools of unlabelled sentences stay where they are);
- the annotators' labels (default ../labels/annotator-*.jsonl), renamed labels-<annotator>.jsonl.
Files whose lines carry labels for dev-evaluation material (dev-pages, gold, factRuEval) are refused: those sets
are for evaluation only.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
WORK = HERE.parents[2]
FORBIDDEN_SOURCES = ("dev-pages", "factrueval", "gold/", "gold_standard_records", "testset/")


def is_label_file(path: Path) -> bool:
    """True if the first non-empty line of `path` is a labelled sentence (it has a "type")."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                try:
                    return "type" in json.loads(line)
                except json.JSONDecodeError:
                    return False
    return False


def forbidden_lines(path: Path) -> int:
    """How many lines of `path` name a dev-evaluation or reserved source."""
    n = 0
    with path.open(encoding="utf-8") as f:
        for line in f:
            low = line.lower()
            if '"source"' in low and any(s in low.split('"source"', 1)[1][:200] for s in FORBIDDEN_SOURCES):
                n += 1
    return n


def collect(data_from: Path, labels_from: Path, out: Path = DATA) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    plan = [(p, out / p.name) for p in sorted(data_from.glob("*.jsonl")) if is_label_file(p)]
    plan += [(p, out / f"labels-{p.stem}.jsonl") for p in sorted(labels_from.glob("annotator-*.jsonl"))]
    copied = []
    for src, dst in plan:
        bad = forbidden_lines(src)
        if bad:
            print(f"{src}: {bad} line(s) name dev-evaluation or reserved sources; file not copied", file=sys.stderr)
            continue
        shutil.copyfile(src, dst)
        copied.append(dst)
        print(f"{src} -> {dst.relative_to(HERE.parents[1])}", file=sys.stderr)
    return copied


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-from", type=Path, default=WORK / "wt-events-data" / "training" / "events" / "data")
    ap.add_argument("--labels-from", type=Path, default=WORK / "labels")
    args = ap.parse_args(argv)
    collect(args.data_from, args.labels_from)


if __name__ == "__main__":
    main()
