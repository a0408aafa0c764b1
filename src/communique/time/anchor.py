"""The document date (anchor): metadata, then --doc-date, then a dateline, else none.

Never today's date: a document without a date stays without one, and its relative expressions keep
no value. A dateline often gives a day and month without a year ("Moscou, 2 décembre (VNA) -"); that
partial anchor is kept (`Document.date` = "--12-02", ISO 8601 for an unknown year) and resolves what
it can (the day-month dates and "hier" of the same document, with an unknown year).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from communique.time.grammar import Candidate

# How far into the text a dateline may end, and what may stand before / after its date.
_DATELINE_REACH = 100
_DATELINE_BEFORE = re.compile(r"^\s*(?:[^\W\d][^\n,;:]{0,40},\s*)?$")
_DATELINE_AFTER = re.compile(r"^[ \t]*[.,]?[ \t]*(?:\(|/|[-–—|]|\n|$)")
_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_PARTIAL = re.compile(r"^(?:--|XXXX-)(\d{2})-(\d{2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
# Years an anchor may have: date arithmetic around it ("next week", "last year") must stay inside
# datetime's range (years 1..9999), and no news is dated outside these.
MIN_ANCHOR_YEAR, MAX_ANCHOR_YEAR = 1000, 9000


@dataclass(frozen=True, slots=True)
class Anchor:
    """The document date, possibly partial (year unknown)."""

    year: int | None
    month: int | None
    day: int | None
    source: str  # metadata | option | dateline

    @property
    def full(self) -> bool:
        return self.year is not None and self.month is not None and self.day is not None

    def date(self) -> dt.date:
        """The anchor as a date (only for a full anchor)."""
        assert self.year is not None and self.month is not None and self.day is not None
        return dt.date(self.year, self.month, self.day)

    def iso(self) -> str:
        """'2025-02-22' for a full anchor, '2025-01' for a month, '--12-02' when the year is unknown."""
        if self.full:
            return self.date().isoformat()
        if self.year is not None and self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"--{self.month:02d}-{self.day:02d}"


def parse_date_value(value: str | None, source: str, lang: str | None = None) -> Anchor | None:
    """An anchor from a metadata/option date: ISO (with or without a time), '--MM-DD', or free text."""
    if not value:
        return None
    text = str(value).strip()
    if m := _ISO_PREFIX.match(text):
        try:
            day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
        return Anchor(day.year, day.month, day.day, source) if _usable_year(day.year) else None
    if (m := _ISO_MONTH.match(text)) and 1 <= int(m.group(2)) <= 12 and _usable_year(int(m.group(1))):
        return Anchor(int(m.group(1)), int(m.group(2)), None, source)  # a month: "date 2025-01"
    if m := _PARTIAL.match(text):
        try:
            dt.date(2000, int(m.group(1)), int(m.group(2)))  # a leap year: "--02-29" is a real day
        except ValueError:
            return None
        return Anchor(None, int(m.group(1)), int(m.group(2)), source)
    return _parse_free_date(text, source, lang)


def _parse_free_date(text: str, source: str, lang: str | None) -> Anchor | None:
    """Metadata like 'Tue, 03 Feb 2023 10:00:00 GMT': dateparser on this one short string only,
    with its languages given (language detection inside dateparser takes seconds)."""
    if len(text) > 64 or not any(ch.isdigit() for ch in text):
        return None
    import dateparser  # lazy: dateparser takes about a second to import, and only page metadata needs it

    languages = list(dict.fromkeys([lang, "en"] if lang and lang.isalpha() else ["en"]))
    settings: Any = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month", "year"]}
    try:
        parsed = dateparser.parse(text, languages=languages, settings=settings)
    except ValueError:  # a language dateparser does not know
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None or not _usable_year(parsed.year):
        return None
    return Anchor(parsed.year, parsed.month, parsed.day, source)


def _usable_year(year: int | None) -> bool:
    return year is None or MIN_ANCHOR_YEAR <= year <= MAX_ANCHOR_YEAR


def dateline_anchor(text: str, candidates: list[Candidate]) -> tuple[Anchor, Candidate] | None:
    """A date at the very start of the text in dateline shape: 'PLACE, <date> (AGENCY) -'.

    The date must be preceded by at most a place name and a comma, and followed by an agency in
    parentheses, a slash ('/TASS/'), a dash or the end of the line: "21 февраля в Ханое ..." opens
    a sentence and is not a dateline.
    """
    for cand in candidates:
        if cand.start > _DATELINE_REACH:
            return None
        if cand.kind != "date" or cand.month is None or cand.day is None:
            continue
        if not _DATELINE_BEFORE.match(text[: cand.start]):
            return None
        if not _DATELINE_AFTER.match(text[cand.end : cand.end + 12]) or not _usable_year(cand.year):
            return None
        return Anchor(cand.year, cand.month, cand.day, "dateline"), cand
    return None
