"""The document date when the input gives none: what the page itself shows.

Tried in order, each with its evidence (offsets into the cleaned text, or the part of the URL):

1. a leading `date 2024-06-20` (or `date 2024-06`) line, the convention of stored copies of pages;
2. a date in the URL (`/2022/03/06/`, `2022-03-06`, `20220306`, `/2022/03/`);
3. a publication stamp near the top: a full date next to a clock time ("18:58 | 02/07/2020",
   "[2014/08/10 05:55]") or a short line that ends with a full date ("This story is from August 16, 2021");
4. a dateline ('MOSCOW, June 11. /TASS/ -'), which may lack its year (`anchor.dateline_anchor`).

Every rule reads dates through the time grammar of the document's language (`grammar.scan`), so it
holds for any language the grammar knows, not for one corpus. HTML metadata (article:published_time,
JSON-LD datePublished, <time datetime>) is read earlier, by the HTML reader, as the document's metadata.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from communique.time.anchor import MAX_ANCHOR_YEAR, MIN_ANCHOR_YEAR, Anchor, dateline_anchor
from communique.time.grammar import Candidate

# `date 2024-06-20` or `date: 2024-06` at the very start (a line of its own, or before the text).
_DATE_LINE = re.compile(r"\A\s*date[ \t]*:?[ \t]*(\d{4})-(\d{2})(?:-(\d{2}))?(?![\d-])", re.IGNORECASE)
# Dates in URL paths: /2022/03/06/, /2022-03-06, _20220306, /2022/03/ (month only).
_URL_DAY = re.compile(r"(?<!\d)((?:19|20)\d{2})([/_.-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/")
# A clock time in digits ("21:25"), also when glued to the next word ("21:25Tối"), which the grammar skips.
_CLOCK = re.compile(r"(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])")
STAMP_REACH = 400  # a publication stamp stands in the first characters of a page
STAMP_GAP = 16  # at most this many characters between a stamp's date and its clock time
SHORT_LINE = 60  # a line ending in a date is a byline ("Published August 16, 2021") when this short


@dataclass(frozen=True, slots=True)
class Inferred:
    """A document date found in the page, and where: `evidence` holds `how`, `text` and, for the text,
    `start`/`end` in the cleaned text."""

    anchor: Anchor
    evidence: dict[str, Any]


def infer_date(text: str, url: str | None, candidates: list[Candidate]) -> Inferred | None:
    """The document date the page shows, by the first rule that finds one (see the module docstring)."""
    return (date_line(text) or url_date(url) or publication_stamp(text, candidates)
            or _dateline(text, candidates))


def date_line(text: str) -> Inferred | None:
    m = _DATE_LINE.match(text)
    if m is None:
        return None
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None
    if not _real(year, month, day):
        return None
    return Inferred(Anchor(year, month, day, "date-line"),
                    {"how": "date-line", "start": m.start(1), "end": m.end(), "text": m.group(0).strip()})


def url_date(url: str | None) -> Inferred | None:
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    path = path.split("//", 1)[-1]
    path = path[path.find("/"):] if "/" in path else ""  # the host is no date
    for m in _URL_DAY.finditer(path):
        year, month, day = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if _real(year, month, day):
            return Inferred(Anchor(year, month, day, "url"), {"how": "url", "text": m.group(0)})
    month_match = _URL_MONTH.search(path)
    if month_match is None:
        return None
    year, month = int(month_match.group(1)), int(month_match.group(2))
    return Inferred(Anchor(year, month, None, "url"), {"how": "url", "text": month_match.group(0).strip("/")})


def publication_stamp(text: str, candidates: list[Candidate]) -> Inferred | None:
    """A full date near the top that a clock time stands next to, or that ends a short line."""
    head = text[:STAMP_REACH + 2 * STAMP_GAP]
    clocks = [(c.start, c.end) for c in candidates if c.kind == "time" and c.start < len(head)]
    clocks += [m.span() for m in _CLOCK.finditer(head)]
    for cand in candidates:
        if cand.start > STAMP_REACH:
            break
        if cand.kind != "date" or cand.weak or not _real(cand.year, cand.month, cand.day):
            continue
        near_clock = any(cand.end <= start <= cand.end + STAMP_GAP or end <= cand.start <= end + STAMP_GAP
                         for start, end in clocks)
        if near_clock or _ends_short_line(text, cand):
            assert cand.year is not None and cand.month is not None
            return Inferred(Anchor(cand.year, cand.month, cand.day, "stamp"),
                            {"how": "stamp", "start": cand.start, "end": cand.end, "text": text[cand.start:cand.end]})
    return None


def _ends_short_line(text: str, cand: Candidate) -> bool:
    line_start = text.rfind("\n", 0, cand.start) + 1
    line_end = text.find("\n", cand.end)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[cand.end:line_end].strip(" \t.,)]|")
    return not rest and line_end - line_start <= SHORT_LINE


def _dateline(text: str, candidates: list[Candidate]) -> Inferred | None:
    found = dateline_anchor(text, candidates)
    if found is None:
        return None
    anchor, cand = found
    return Inferred(anchor, {"how": "dateline", "start": cand.start, "end": cand.end,
                             "text": text[cand.start:cand.end]})


def _real(year: int | None, month: int | None, day: int | None) -> bool:
    """A calendar date with a year news can have (the day may be unknown)."""
    if year is None or month is None or not MIN_ANCHOR_YEAR <= year <= MAX_ANCHOR_YEAR:
        return False
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return False
    return True
