"""When: each draft's date from its own window, the story's running date, or none.

A trigger's own date is the temporal expression nearest to it inside its window. A trigger
without one inherits the running date of the story ("During the talks…", "On the same day…"),
except an event named in a list of earlier developments, which keeps only a date of its own.
A news event the text gives no date at all takes the document's date, at the document date's
precision, marked `basis: "document"` (news reports what happened on the day it is published;
the gold conventions date such events the same way). Background events and events only mentioned
inside what someone said do not.
An event is background when its own date ends more than a month before the reference date
(the document date, else the first dated event).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from communique.document import Document, Timex
from communique.events.participants import Draft
from communique.time import page_stamp_end, timex_to_event_date

BACKGROUND_GAP = dt.timedelta(days=31)
LONGEST_EVENT = dt.timedelta(days=62)  # a "date" longer than this is an era, not an event's time


# "NEW DELHI, March 4 (Reuters) -", "Moscou, 2 décembre (VNA) -", "MOSCOW, November 12. /TASS/":
# the date of a dateline is the day of publication, not of the event.
_DATELINE = re.compile(r"[^\n]{0,80}?(?:\)\s*[-–—]|\s[-–—]\s|/[A-Z]{2,10}/)")


def dateline_end(text: str) -> int:
    m = _DATELINE.match(text)
    return m.end() if m else 0


def own_timex(doc: Document, draft: Draft, lo: int) -> Timex | None:
    """The usable temporal expression nearest to the trigger inside its window (extended left to `lo`)."""
    window, trig = draft.cand.window, draft.cand.trigger
    lo = max(lo, dateline_end(doc.text), page_stamp_end(doc.text)) if lo < 90 else lo
    best: tuple[int, Timex] | None = None
    for t in doc.timexes:
        if t.start < lo or t.end > window.end or not _usable(t, (doc.date or "")[:4]):
            continue
        distance = trig.start - t.end if t.end <= trig.start else t.start - trig.end
        if best is None or distance < best[0]:
            best = (distance, t)
    return best[1] if best else None


def _usable(t: Timex, doc_year: str) -> bool:
    if t.is_target or t.type not in ("DATE", "TIME") or not t.value or t.value.startswith("P"):
        return False
    year = t.precision == "year" or (t.precision is None and len(t.value) == 4 and t.value.isdigit())
    if t.relative and year and (not doc_year or t.value[:4] == doc_year):
        return False  # "this year": too vague to date an event; "two years ago" dates an earlier one
    date = timex_to_event_date(t)
    if date["start"] is None:
        return False  # "now", "in future" (PRESENT_REF, FUTURE_REF): no day to give an event
    span = interval(date)
    return span is None or span[1] - span[0] <= LONGEST_EVENT or year


def interval(date: dict[str, object] | None) -> tuple[dt.date, dt.date] | None:
    """First and last day of an event date, or None when the year (or the date) is unknown."""
    if not date or not isinstance(date.get("start"), str) or str(date["start"]).startswith("-"):
        return None
    try:
        lo = _bounds(str(date["start"]))[0]
        hi = _bounds(str(date["end"]))[1] if date.get("end") else _bounds(str(date["start"]))[1]
    except ValueError:
        return None
    return lo, hi


def _bounds(value: str) -> tuple[dt.date, dt.date]:
    parts = value.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(parts[1])
    if len(parts) == 2:
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        return dt.date(year, month, 1), nxt - dt.timedelta(days=1)
    day = dt.date(year, month, int(parts[2][:2]))
    return day, day


def compatible(a: dict[str, object] | None, b: dict[str, object] | None) -> bool:
    """Two event dates can name the same event: unknown, or overlapping intervals."""
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return True
    return ia[0] <= ib[1] and ib[0] <= ia[1]


def _date_window_starts(drafts: Sequence[Draft]) -> dict[int, int]:
    """Where each draft may look for its date: its window, or from the sentence start when the
    triggers before it in the sentence yield no event ("In the framework of the visit…, on 24
    February X met Y": the date belongs to the meeting)."""
    starts: dict[int, int] = {}
    produced: dict[int, set[int]] = {}
    for d in drafts:
        if d.parties() >= 2:  # a one-party fragment ("during the visit") is dropped: it yields no event
            produced.setdefault(d.cand.sentence.start, set()).add(d.cand.trigger.start)
    for d in drafts:
        earlier = {s for s in produced.get(d.cand.sentence.start, ()) if s < d.cand.trigger.start}
        starts[id(d)] = d.cand.window.start if earlier else d.cand.sentence.start
    return starts


def assign_dates(doc: Document, drafts: Sequence[Draft]) -> None:
    running: tuple[dict[str, object], Timex] | None = None
    news: tuple[dict[str, object], Timex] | None = None  # the latest story date that is not well in the past
    window_starts = _date_window_starts(drafts)
    published = _reference_date(doc, ())
    for draft in drafts:
        timex = own_timex(doc, draft, window_starts[id(draft)])
        if running is not None and _past_in_earlier_paragraph(doc, running, draft, published):
            running = news
        if timex is not None:
            draft.date, draft.date_timex, draft.own_date = timex_to_event_date(timex), timex, True
        elif running is not None and not draft.background_list and draft.mode != "phone":
            draft.date, draft.date_timex = dict(running[0]), running[1]
            if draft.cand.framing and draft.mode == "visit":
                draft.date = _month_of(draft.date)  # the visit frames the dated events: it spans more
        # only a draft that can stand as an event moves the story's date (not a fragment that is dropped)
        if (not draft.background_list and draft.own_date and draft.date_timex is not None and draft.date
                and draft.parties() >= 2):
            running = (draft.date, draft.date_timex)
            if not _well_before(draft.date, published):
                news = running
    reference = _reference_date(doc, drafts)
    for draft in drafts:
        draft.background = draft.background_list or (draft.own_date and _well_before(draft.date, reference))


def _past_in_earlier_paragraph(doc: Document, running: tuple[dict[str, object], Timex], draft: Draft,
                               published: dt.date | None) -> bool:
    """A story date well before publication ("the new stage begun in April 2022") does not run on into the
    next paragraph: the report returns to its news there, and an undated event of it takes the story's latest
    date of news, else the document's."""
    if not _well_before(running[0], published):
        return False
    return "\n" in doc.text[running[1].end : draft.cand.trigger.start]


def _well_before(date: dict[str, object] | None, reference: dt.date | None) -> bool:
    """An event date that ends more than BACKGROUND_GAP before `reference` (False when either is unknown)."""
    span = interval(date)
    return reference is not None and span is not None and span[1] < reference - BACKGROUND_GAP


def document_event_date(doc: Document) -> dict[str, object] | None:
    """The document date as an event date ({"start", "end", "precision", "basis"}), or None."""
    value = doc.date or ""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}|--\d{2}-\d{2}", value[:10]):
        return {"start": value[:10], "end": None, "precision": "day", "basis": "document"}
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return {"start": value, "end": None, "precision": "month", "basis": "document"}
    return None  # a year alone is too vague to date an event


def date_news_by_document(doc: Document, drafts: Sequence[Draft]) -> None:
    """Undated news events take the document date; background and reported ones stay undated.

    Run on the finished events, after one-event-per-real-event grouping: an undated headline still
    joins the dated report of the same meeting."""
    fallback = document_event_date(doc)
    if fallback is None:
        return
    for draft in drafts:
        if draft.date is None and not draft.background_list and not draft.cand.reported:
            draft.date = dict(fallback)


def _reference_date(doc: Document, drafts: Sequence[Draft]) -> dt.date | None:
    if doc.date:
        try:
            return dt.date.fromisoformat(doc.date[:10])
        except ValueError:
            pass
    for draft in drafts:
        span = interval(draft.date) if draft.own_date else None
        if span is not None:
            return span[1]
    return None


def _month_of(date: dict[str, object]) -> dict[str, object]:
    start = str(date.get("start") or "")
    if len(start) >= 7 and not start.startswith("-"):
        return {"start": start[:7], "end": None, "precision": "month"}
    return date
