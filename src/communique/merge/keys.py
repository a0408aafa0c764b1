"""What merging looks at in an event record, and the blocking keys that find candidates fast.

Blocking: an event is only compared with merged events that share a key
`TYPE|YYYY-MM|a:<actor id>` (a person or organization) or `TYPE|YYYY-MM|c:<CC>,<CC>` (a pair of
participant countries), for every month its date interval touches. So the work per event depends
on how many events share a participant in the same month, not on the size of the store.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

# Modes that describe the same kind of contact: an article calls a visit "talks", another "a meeting".
MODE_FAMILY = {
    "meet": "in_person", "visit": "in_person", "host": "in_person",
    "phone": "remote", "video": "remote",
    "multilateral": "multilateral", "third-party": "third_party",
}
PRINCIPAL_KINDS = ("person", "organization")
# Reports of one event give dates a day apart (time zones, "yesterday" counted from the wire time).
DAY_TOLERANCE = 1
# An undated event is placed near its document's date: news reports what happened in the last days.
UNDATED_WINDOW = 3
MAX_COUNTRY_PAIRS = 6

_NO_YEAR = re.compile(r"^(?:--|XXXX-)(\d{2})-(\d{2})$")
# The contract's dated forms only (YYYY-MM-DD, YYYY-MM, YYYY): fromisoformat alone would also take
# week dates and compact forms, which do not sort as text like the days they mean (store indexes do).
_ISO_FORM = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass(frozen=True, slots=True)
class Interval:
    lo: dt.date
    hi: dt.date
    exact_day: bool  # a single known day
    approximate: bool  # taken from the document date, not stated for the event


@dataclass(slots=True)
class EventView:
    type: str
    mode: str | None
    mode_family: str | None
    status: str
    interval: Interval | None
    principals: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # id -> (kind, country)
    names: dict[str, str] = field(default_factory=dict)  # id -> canonical name (for explanations)
    countries: frozenset[str] = frozenset()
    location_name: str | None = None
    location_country: str | None = None
    topics: frozenset[str] = frozenset()
    # Text evidence, attached by the store (not in the record): the encoder vectors of the reports'
    # sentences and of their documents' leads, and the near-duplicate groups of their documents.
    sentence_vecs: list[Any] = field(default_factory=list)
    doc_vecs: list[Any] = field(default_factory=list)
    stories: frozenset[str] = frozenset()

    @property
    def dated(self) -> bool:
        """The event's own date is stated (not guessed from its document's date, not unknown)."""
        return self.interval is not None and not self.interval.approximate


def parse_date(value: str | None, doc_date: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a TIMEX-like value can mean (`2025-02-21`, `2025-02`, `2025`, `--02-21`)."""
    if not value:
        return None
    try:
        m = _NO_YEAR.match(value)
        if m:
            if doc_date is None:
                return None
            return (_nearest_year(int(m[1]), int(m[2]), doc_date),) * 2
        if not _ISO_FORM.fullmatch(value):
            return None
        parts = value.split("-")
        if len(parts) == 3:
            day = dt.date.fromisoformat(value)
            return day, day
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            first = dt.date(year, month, 1)
            return first, _month_end(first)
        if len(parts) == 1 and value.isdigit() and len(value) == 4:
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def _nearest_year(month: int, day: int, doc_date: dt.date) -> dt.date:
    """A day and month without a year: the occurrence nearest to the document date."""
    options = []
    for year in (doc_date.year - 1, doc_date.year, doc_date.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:  # 29 February
            continue
    return min(options, key=lambda d: (abs((d - doc_date).days), d))


def _month_end(first: dt.date) -> dt.date:
    nxt = first.replace(year=first.year + 1, month=1) if first.month == 12 else first.replace(month=first.month + 1)
    return nxt - dt.timedelta(days=1)


def parse_doc_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def event_interval(date: dict[str, Any] | None, doc_date: dt.date | None) -> Interval | None:
    """The event's date as an interval; an undated event gets a window around its document's date.

    A date that the events stage took from the document date (`basis: "document"`, the text gives
    none) is no evidence of its own: for merging, such a report stays undated."""
    date = date or {}
    start = None if date.get("basis") == "document" else parse_date(date.get("start"), doc_date)
    if start is None:
        if doc_date is None:
            return None
        window = dt.timedelta(days=UNDATED_WINDOW)
        return Interval(doc_date - window, doc_date, exact_day=False, approximate=True)
    end = parse_date(date.get("end"), doc_date) if date.get("end") else None
    lo, hi = start[0], (end[1] if end else start[1])
    if hi < lo:
        lo, hi = hi, lo
    return Interval(lo, hi, exact_day=lo == hi, approximate=False)


def view_of(record: dict[str, Any], doc_date: str | None = None) -> EventView:
    """The parts of an event record (contract form) that merging compares."""
    anchor = parse_doc_date(doc_date)
    principals: dict[str, tuple[str, str | None]] = {}
    names: dict[str, str] = {}
    countries: set[str] = set()
    for actor in record.get("actors") or []:
        actor_id, kind, country = actor.get("id"), actor.get("kind"), actor.get("country")
        if country:
            countries.add(str(country).upper())
        if actor_id and kind in PRINCIPAL_KINDS:
            principals[str(actor_id)] = (str(kind), str(country).upper() if country else None)
        if actor_id:
            names[str(actor_id)] = str(actor.get("name") or actor_id)
    location = record.get("location") or {}
    mode = record.get("mode")
    return EventView(
        type=str(record.get("type") or "").upper(),
        mode=mode,
        mode_family=MODE_FAMILY.get(mode, mode) if mode else None,
        status=str(record.get("status") or "occurred"),
        interval=event_interval(record.get("date"), anchor),
        principals=principals,
        names=names,
        countries=frozenset(countries),
        location_name=(location.get("name") or None),
        location_country=(str(location["country"]).upper() if location.get("country") else None),
        topics=frozenset(record.get("topics") or []),
    )


def months_touched(interval: Interval | None) -> list[str]:
    """The YYYY-MM buckets an interval (widened by the day tolerance) touches; `none` when undated."""
    if interval is None:
        return ["none"]
    lo = interval.lo - dt.timedelta(days=DAY_TOLERANCE)
    hi = interval.hi + dt.timedelta(days=DAY_TOLERANCE)
    months: list[str] = []
    cur = lo.replace(day=1)
    while cur <= hi and len(months) < 24:
        months.append(f"{cur.year:04d}-{cur.month:02d}")
        cur = _month_end(cur) + dt.timedelta(days=1)
    return months


def blocking_keys(view: EventView) -> list[str]:
    """Keys under which an event (or a merged event) is found: type, month and one participant each."""
    participants = [f"a:{pid}" for pid in sorted(view.principals)]
    pairs = list(combinations(sorted(view.countries), 2))[:MAX_COUNTRY_PAIRS]
    participants += [f"c:{a},{b}" for a, b in pairs]
    if not participants and len(view.countries) == 1:
        participants.append(f"c:{next(iter(view.countries))}")
    return sorted({f"{view.type}|{month}|{p}" for month in months_touched(view.interval) for p in participants})
