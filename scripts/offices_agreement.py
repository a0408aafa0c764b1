#!/usr/bin/env python3
"""Agreement of a blind double-written office list with the main one (data-sources/kb/offices-check/).

    python3 scripts/offices_agreement.py CHECK MAIN   # e.g. offices-check/check-offices-a.csv offices/world-b.csv

For the countries of the check file, per (country, office): the persons in office at some time from 2014 on (matched by
folded surname) listed by both, by one only, and whether both give the same start year. Prints the differences, then
one summary line.
"""

from __future__ import annotations

import csv
import re
import sys
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


def terms(table: list[dict[str, str]], countries: set[str]) -> Terms:
    out: Terms = defaultdict(dict)
    for r in table:
        if r["country"] in countries and (r["end"] or "9999") >= "2014":
            words = fold(r["name"]).split()
            out[(r["country"], r["office"])][words[-1] if words else ""] = (r["name"], r["start"][:4])
    return out


def main(check_path: str, main_path: str) -> int:
    check = rows(Path(check_path))
    countries = {r["country"] for r in check}
    a, b = terms(check, countries), terms(rows(Path(main_path)), countries)
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
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
