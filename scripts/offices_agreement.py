#!/usr/bin/env python3
"""Agreement of a blind double-written office list with the main one (data-sources/kb/offices-check/).

    python3 scripts/offices_agreement.py CHECK MAIN [MAIN ...] [--since 2014] [--until 9999]
    # e.g. offices-check/check-offices-a.csv offices/world-b.csv
    # the 2000-2013 lists: offices-check/check-early.csv offices/early-*.csv --since 2000 --until 2013

For the countries of the check file, per (country, office): the persons in office at some time from `--since` to
`--until` (years; matched by folded surname) listed by both, by one only, and whether both give the same start year.
Prints the differences, then one summary line.
"""

from __future__ import annotations

import argparse
import csv
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

Terms = dict[tuple[str, str], dict[str, tuple[str, str]]]


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def rows(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines))


def terms(table: list[dict[str, str]], countries: set[str], since: str = "2014", until: str = "9999") -> Terms:
    out: Terms = defaultdict(dict)
    for r in table:
        if r["country"] in countries and (r["end"] or "9999")[:4] >= since and r["start"][:4] <= until:
            words = fold(r["name"]).split()
            out[(r["country"], r["office"])][words[-1] if words else ""] = (r["name"], r["start"][:4])
    return out


def main(check_path: str, main_paths: list[str], since: str = "2014", until: str = "9999") -> int:
    check = rows(Path(check_path))
    countries = {r["country"] for r in check}
    main_rows = [r for path in main_paths for r in rows(Path(path))]
    a, b = terms(check, countries, since, until), terms(main_rows, countries, since, until)
    both = only_check = only_main = same_year = 0
    for key in sorted(set(a) | set(b)):
        pa, pb = a.get(key, {}), b.get(key, {})
        for surname in sorted(set(pa) | set(pb)):
            if surname in pa and surname in pb:
                both += 1
                same_year += pa[surname][1] == pb[surname][1]
                if pa[surname][1] != pb[surname][1]:
                    print("year differs", key, pa[surname], pb[surname])
            elif surname in pa:
                only_check += 1
                print("only in check", key, pa[surname])
            else:
                only_main += 1
                print("only in main ", key, pb[surname])
    total = both + only_check + only_main
    print(f"countries {' '.join(sorted(countries))}: persons in both {both}, only in check {only_check}, only in main "
          f"{only_main}; Jaccard {both / total:.3f}; same start year {same_year}/{both}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("check")
    parser.add_argument("main", nargs="+")
    parser.add_argument("--since", default="2014", help="first year (default 2014)")
    parser.add_argument("--until", default="9999", help="last year (default: no limit)")
    args = parser.parse_args()
    raise SystemExit(main(args.check, args.main, args.since, args.until))
