#!/usr/bin/env python3
"""Which countries' office lists (data-sources/kb/offices/*.csv) cover a period without gaps.

    python3 scripts/kb_office_coverage.py [--start 2014-01-01] [--end 2025-06-30] [--gap 60]

A country is complete when its head of state and foreign minister (and its head of government, where the
lists have one: in presidential systems the president heads the government) are known for every day of
the period, allowing acting periods of up to --gap days between two listed terms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from communique.actors.kbbuild import read_offices  # noqa: E402


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def gaps(spans: list[tuple[dt.date, dt.date]], start: dt.date, end: dt.date, allowed: int) -> list[str]:
    """The uncovered stretches longer than `allowed` days."""
    out: list[str] = []
    cursor = start
    for lo, hi in sorted(spans):
        if lo > cursor and (lo - cursor).days > allowed:
            out.append(f"{cursor}..{lo}")
        cursor = max(cursor, hi)
    if cursor < end and (end - cursor).days > allowed:
        out.append(f"{cursor}..{end}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start", default="2014-01-01")
    parser.add_argument("--end", default="2025-06-30")
    parser.add_argument("--gap", type=int, default=60)
    parser.add_argument("--offices", type=Path, default=ROOT / "data-sources" / "kb" / "offices")
    args = parser.parse_args()
    start, end = _day(args.start), _day(args.end)
    spans: dict[tuple[str, str], list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for path in sorted(args.offices.glob("*.csv")):
        terms, _ = read_offices(path)
        for t in terms:
            if len(t.start) == 10 and (t.end is None or len(t.end) == 10):
                spans[(t.country, t.office)].append((_day(t.start), _day(t.end) if t.end else dt.date.max))
    countries = sorted({c for c, _ in spans})
    complete: list[str] = []
    for country in countries:
        problems: list[str] = []
        for office in ("head_of_state", "head_of_government", "foreign_minister"):
            if (country, office) not in spans:
                if office != "head_of_government":
                    problems.append(f"{office}: none")
                continue
            missing = gaps(spans[(country, office)], start, end, args.gap)
            if missing:
                problems.append(f"{office}: {', '.join(missing)}")
        if problems:
            print(f"{country}: incomplete ({'; '.join(problems)})")
        else:
            complete.append(country)
    print(f"complete {args.start}..{args.end}: {len(complete)} of {len(countries)}: {' '.join(complete)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
