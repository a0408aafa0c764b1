"""Time: the document date (anchor) and temporal expressions with TIMEX3 values.

    tag_time(doc, options)        the pipeline stage: sets doc.date / doc.date_source, fills doc.timexes
    timexes_in(doc, start, end)   the timexes overlapping a span, sorted (for the events stage)
    timex_to_event_date(timex)    a Timex as the event record's date object

Layout: lexicon.py (CLDR + lang/<code> `dates` vocabulary), grammar.py (one regex per language ->
candidates), anchor.py (metadata / option / dateline), normalize.py (values, year inference).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from communique import lang as languages
from communique.document import Document, Timex
from communique.time.anchor import Anchor, parse_date_value
from communique.time.docdate import date_line, infer_date
from communique.time.grammar import scan
from communique.time.lexicon import lexicon
from communique.time.normalize import resolve

if TYPE_CHECKING:
    from communique.options import Options

__all__ = ["Anchor", "document_anchor", "page_stamp_end", "tag_time", "timex_to_event_date", "timexes_in"]

_FALLBACK_LANG = languages.FALLBACK  # numeric dates only, for documents whose language is unknown
_NOT_LANGUAGES = (languages.UNDETERMINED, languages.NO_LANGUAGE, languages.FALLBACK)
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DAY = re.compile(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4}|XXXX)-(\d{2})$")
_YEAR = re.compile(r"^\d{4}$")


def _grammar_lang(doc: Document) -> str:
    lang = (doc.lang or "").lower().replace("_", "-").split("-")[0]  # "pt-BR" -> "pt"
    return lang if lang.isalpha() and lang not in _NOT_LANGUAGES else _FALLBACK_LANG


def document_anchor(doc: Document) -> Anchor | None:
    """The anchor stored on a document by `tag_time` (full 'YYYY-MM-DD' or partial '--MM-DD')."""
    return parse_date_value(doc.date, doc.date_source or "metadata")


def tag_time(doc: Document, options: Options) -> None:
    """Set the anchor (metadata > --doc-date > what the page shows, time.docdate > none); fill doc.timexes."""
    lang = _grammar_lang(doc)
    candidates = scan(doc.text, lang)
    anchor = parse_date_value(doc.date, doc.date_source or "metadata", lang) if doc.date else None
    if doc.date and anchor is None:
        doc.warnings.append(f"time: unreadable document date {doc.date!r}; ignored")
    if anchor is None and options.doc_date:
        anchor = parse_date_value(options.doc_date, "option", lang)
    if anchor is None:  # what the page itself shows: a date line, the URL, a stamp, a dateline
        inferred = infer_date(doc.text, doc.url, candidates)
        anchor = inferred.anchor if inferred else None
        doc.date_evidence = inferred.evidence if inferred else None
    if anchor is not None:
        doc.date, doc.date_source = anchor.iso(), anchor.source
    else:
        doc.date, doc.date_source = None, None
    doc.timexes = resolve(doc.text, candidates, lexicon(lang), anchor)


def page_stamp_end(text: str) -> int:
    """Where a leading `date 2024-06` line ends (0 without one): the page's own stamp, not an event's date."""
    found = date_line(text)
    return int(found.evidence["end"]) if found is not None else 0


def timexes_in(doc: Document, start: int, end: int) -> list[Timex]:
    """The timexes that overlap [start, end), in text order (doc.timexes is sorted by start)."""
    starts = [t.start for t in doc.timexes]
    hi = bisect.bisect_left(starts, end)
    return [t for t in doc.timexes[:hi] if t.end > start]


def _event_point(value: str | None) -> tuple[str | None, str | None]:
    """One TIMEX3 date value -> (event-record date string, precision)."""
    if not value:
        return None, None
    if m := _DAY.match(value):
        year = "-" if m.group(1) == "XXXX" else m.group(1)
        return f"{year}-{m.group(2)}-{m.group(3)}", "day"
    if m := _MONTH.match(value):
        year = "-" if m.group(1) == "XXXX" else m.group(1)
        return f"{year}-{m.group(2)}", "month"
    if _YEAR.match(value):
        return value, "year"
    return None, None


def timex_to_event_date(timex: Timex | None) -> dict[str, Any]:
    """A Timex as the event record's `date`: {"start", "end", "precision"}.

    Precision day/month/year/range; `--MM-DD` (and `--MM`) when the year is unknown; a week becomes
    the range Monday..Sunday; targets ("bis 2030"), durations, references like PRESENT_REF and
    unknown values give all None.
    """
    empty: dict[str, Any] = {"start": None, "end": None, "precision": None}
    if timex is None or timex.value is None or timex.is_target or timex.type == "DURATION":
        return empty
    if m := _WEEK.match(timex.value):
        monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        sunday = monday + dt.timedelta(days=6)
        return {"start": monday.isoformat(), "end": sunday.isoformat(), "precision": "range"}
    start, precision = _event_point(timex.value)
    if start is None:
        return empty
    if timex.end_value:
        end, _ = _event_point(timex.end_value)
        if end is not None and end != start:
            return {"start": start, "end": end, "precision": "range"}
    return {"start": start, "end": None, "precision": precision}
