"""Rebuilds every training/events/data/<source>.jsonl from training/events/raw/ (same bytes every run).

    python -m training.events.sources            # all sources
    python -m training.events.sources NAME ...   # some of them
"""

from __future__ import annotations

import importlib
import sys

from training.events.sources import SOURCES


def main(argv: list[str]) -> None:
    names = argv or list(SOURCES)
    unknown = [n for n in names if n not in SOURCES]
    if unknown:
        raise SystemExit(f"unknown source(s) {unknown}; known: {', '.join(SOURCES)}")
    for name in names:
        importlib.import_module(f"training.events.sources.{name}").main()


if __name__ == "__main__":
    main(sys.argv[1:])
