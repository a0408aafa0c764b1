"""Build the world-cities table from GeoNames (deterministic; provenance in data-sources/places/SOURCES.md).

    python scripts/build_cities.py        # data-sources/places/cities15000-pop50k.txt -> generated/cities.tsv

Input: GeoNames `cities15000.txt` rows of cities of at least 50,000 inhabitants (the raw copy keeps those
rows whole). Output: `src/communique/data/kb/generated/cities.tsv`, one city a line: GeoNames id, English
(ASCII) name, ISO country, population, its names in every script, separated by "|", and "capital" for the
seat of a country's government (GeoNames feature code PPLC; empty otherwise). What is kept of the
names is decided by general rules (`keep_name`): no codes (all capitals, up to four letters: "OSA"), no
digits, no lower-case Latin romanisations ("da ban shi", GeoNames' transliterations), at least two
characters in scripts written without spaces and three elsewhere; a Chinese, Japanese or Korean name that
ends in the word for "city" (市, 시) or a romanised name in "-shi" also gives the name without it (大阪市 ->
大阪), as the press writes it.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data-sources" / "places" / "cities15000-pop50k.txt"
OUT = ROOT / "src" / "communique" / "data" / "kb" / "generated" / "cities.tsv"
MIN_POPULATION = 50_000
CITY_SUFFIXES = ("市", " 시", "시", "-shi", " Shi", "-Shi")  # administrative "city" after a name
CAPITAL_FEATURE = "PPLC"  # GeoNames: capital of a political entity
_CODE = re.compile(r"^[A-Z]{2,4}$")


def _unspaced(ch: str) -> bool:
    """A character of a script written without spaces (Han, kana, Hangul, Thai...)."""
    name = unicodedata.name(ch, "")
    return any(s in name for s in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "LAO", "KHMER", "MYANMAR"))


def keep_name(name: str) -> bool:
    name = name.strip()
    if not name or any(ch.isdigit() for ch in name) or _CODE.match(name) or "|" in name or "\t" in name:
        return False
    letters = [ch for ch in name if ch.isalpha()]
    if not letters:
        return False
    if all(_unspaced(ch) for ch in letters):
        return len(letters) >= 2
    if all(ch.isascii() for ch in letters) and name[0].islower():
        return False  # GeoNames' romanisations of names in other scripts ("da ban shi")
    return len(letters) >= 3 and not name[0].islower()


def variants(name: str) -> list[str]:
    out = [name]
    for suffix in CITY_SUFFIXES:
        if name.endswith(suffix) and keep_name(name[: -len(suffix)]):
            out.append(name[: -len(suffix)].strip())
    return out


def build(raw: Path = RAW) -> list[str]:
    rows = []
    for line in raw.read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        geoname_id, name, ascii_name, alternates, country, population = f[0], f[1], f[2], f[3], f[8], int(f[14] or 0)
        capital = "capital" if f[7] == CAPITAL_FEATURE else ""
        if population < MIN_POPULATION or not re.fullmatch(r"[A-Z]{2}", country):
            continue
        names: dict[str, None] = {}
        for candidate in [name, ascii_name, *alternates.split(",")]:
            if keep_name(candidate):
                for form in variants(candidate.strip()):
                    names.setdefault(form)
        english = ascii_name[:-4] if ascii_name.endswith("-shi") else ascii_name
        rows.append((int(geoname_id), english, country, population, sorted(names), capital))
    rows.sort()
    return [f"{gid}\t{english}\t{country}\t{population}\t{'|'.join(names)}\t{capital}"
            for gid, english, country, population, names, capital in rows]


def main() -> None:
    lines = build()
    OUT.write_text("# GeoNames cities15000 (CC BY 4.0), cities of 50,000 inhabitants or more; "
                   "built by scripts/build_cities.py\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lines)} cities, {OUT.stat().st_size:,} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
