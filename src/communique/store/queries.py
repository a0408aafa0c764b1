"""Queries over the store: merged events (with corrections applied), actors, timelines, full text.

Filters, sorting and paging run in SQL over the derived tables of store/derived.py (extracted data);
events with a correction are matched in Python on their corrected record and merged into the order,
and actor merges/renames are applied when an actor filter is resolved to ids and when records are read.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Connection, Engine, Text, and_, case, exists, func, literal, or_, select, text

from communique.merge.keys import parse_date
from communique.store.corrections import Corrections, load_corrections, resolve_event_id
from communique.store.db import StoreError
from communique.store.derived import (
    ALL_KEY,
    ALL_TOPICS,
    ALL_TYPES,
    ROLE_SEP,
    UNDATED,
    Contribution,
    actor_key,
    contribution,
    country_key,
    lang_key,
    month_of,
    pair_key,
    topic_key,
)
from communique.store.migrations import open_store
from communique.store.schema import (
    actor_links,
    actors,
    corrections,
    documents,
    events,
    key_actors,
    key_months,
    merged_events,
    merged_index,
)


@dataclass(frozen=True, slots=True)
class EventFilter:
    actor: str | None = None  # an actor id, or a substring of a name
    country: str | None = None  # a participant's (or the location's) country
    pair: tuple[str, str] | None = None  # both countries among the participants
    type: str | None = None
    mode: str | None = None
    topic: str | None = None
    since: str | None = None  # YYYY[-MM[-DD]]: events that end on or after
    until: str | None = None  # YYYY[-MM[-DD]]: events that start on or before
    lang: str | None = None  # a source in this language
    text: str | None = None  # full text of a source document
    include_rejected: bool = False
    actor_id: str | None = None  # exactly this actor id (after actor merges), no name matching
    min_confidence: float | None = None  # events at least this confident (0..1)


SORTS = ("date", "-date", "confidence", "-confidence")


def query_events(engine: Engine, flt: EventFilter | None = None, limit: int | None = None, offset: int = 0,
                 sort: str | None = None) -> list[dict[str, Any]]:
    """Merged event records in the contract form (sources from every document), corrections applied.

    Without `sort`: oldest first (undated last, then by id). `sort` is one of SORTS ("-" = descending;
    events without the value last). `limit`/`offset` cut that order in the database."""
    with engine.connect() as conn:
        return select_events(conn, flt or EventFilter(), limit, offset, sort)[0]


def count_events(engine: Engine, flt: EventFilter | None = None) -> int:
    """How many merged events query_events would return."""
    with engine.connect() as conn:
        return select_events(conn, flt or EventFilter(), 0, 0, None)[1]


def select_events(conn: Connection, flt: EventFilter, limit: int | None, offset: int,
                  sort: str | None) -> tuple[list[dict[str, Any]], int]:
    """(records of the window, total matching). Filtering, sorting and paging run in SQL over the derived
    tables (store/derived.py), which hold extracted data; events with a correction are left out of the SQL
    and matched in Python on their corrected record, then merged into the order."""
    if sort is not None and sort not in SORTS:
        raise ValueError(f"sort {sort!r}: expected one of {', '.join(SORTS)}")
    corr = load_corrections(conn)
    plan = plan_filter(conn, flt, corr)
    extracted = _records(conn, corr.event_ids)  # the corrected events as extracted, read once
    corrected = _corrected_matches(conn, flt, corr, extracted)
    if corrected:
        window = None if limit is None else offset + limit
        rows = _ordered_rows(conn, plan, sort, 0, window)
        merged = sorted(rows + [_Row(r["id"], _sort_value(r, sort), (r.get("date") or {}).get("start"))
                                for r in corrected], key=_row_key(sort))
        rows = merged[offset:] if limit is None else merged[offset:offset + limit]
        total = _plan_count(conn, plan, extracted) + len(corrected)
    else:
        rows = _ordered_rows(conn, plan, sort, offset, limit)
        total = _plan_count(conn, plan, extracted) if limit is not None else offset + len(rows)
    by_id = {r["id"]: r for r in corrected}
    raw = _records(conn, [r.id for r in rows if r.id not in by_id])
    records = [by_id[r.id] if r.id in by_id else corr.apply(raw[r.id]) for r in rows]
    return records, total


@dataclass(slots=True)
class Plan:
    """A filter as SQL over merged_index x (driven by one key) or merged_events m (no key).

    `counted`: the filter is one key (or none: every event) and at most an event type, so the count
    tables (key_months, key_actors, actor_links) answer counts, timelines and actor lists without reading
    the matching rows; `type` is that event type."""

    key: str | None
    conds: list[Any]  # functions of (id column, x or None) -> condition
    needs_m: bool
    impossible: bool = False
    counted: bool = False
    type: str | None = None
    period: Period | None = None  # a --since/--until filter (its conditions are added by _source)

    @property
    def count_key(self) -> str:
        return self.key or ALL_KEY


SHORT_SPAN = 31  # days: an event dated to a day, a range of days or a month spans at most this


@dataclass(frozen=True, slots=True)
class Period:
    """A --since/--until filter on merged_events: events whose days (period_lo..period_hi) meet [lo, hi].

    A lower bound on period_lo (lo minus the longest span stored) lets an index narrow the scan; so do
    bounds on date_start as text, which the exact conditions imply for the contract's date forms
    (YYYY[-MM[-DD]] sorts as its first day does; a year sorts before its months): a page in date order
    is then read off an index. `spans` keeps only events whose span_days is in [first, last] (None: no
    upper bound): a count is split into short and long spans, so one event dated only to a year does
    not widen the scan of all the others by a year."""

    lo: dt.date | None
    hi: dt.date | None
    longest: int
    spans: tuple[int, int | None] | None = None

    def conditions(self) -> list[Any]:
        m = merged_events.c
        conds: list[Any] = [m.period_lo.is_not(None)]
        if self.spans is not None:
            first, last = self.spans
            conds.append(m.span_days >= first)
            if last is not None:
                conds.append(m.span_days <= last)
        if self.lo:
            conds += [m.period_hi >= self.lo.isoformat(), m.period_lo >= self._floor(self.lo)]
        if self.hi:
            conds.append(m.period_lo <= self.hi.isoformat())
        return conds + self.start_bounds(m.date_start)

    def start_bounds(self, date_start: Any) -> list[Any]:
        """The bounds on date_start as text that the period implies, on any column that holds the merged
        record's date start (merged_events' or merged_index's: there they narrow a key's index range)."""
        conds = []
        if self.lo:
            conds.append(date_start >= self._floor(self.lo)[:4])
        if self.hi:
            conds.append(date_start <= self.hi.isoformat())
        return conds

    def _floor(self, lo: dt.date) -> str:
        """The first day an event meeting the period can start: lo minus the longest span it may have."""
        longest = self.longest
        if self.spans is not None and self.spans[1] is not None:
            longest = min(longest, self.spans[1])
        return (lo - dt.timedelta(days=longest)).isoformat()

    def split(self) -> list[Period]:
        """The same filter as parts that each scan a narrow range (for counting)."""
        if self.lo is None or self.longest <= SHORT_SPAN or self.spans is not None:
            return [self]
        return [replace(self, spans=(0, SHORT_SPAN)), replace(self, spans=(SHORT_SPAN + 1, None))]


@dataclass(frozen=True, slots=True)
class _Row:
    id: str
    value: Any
    date_start: str | None


def plan_filter(conn: Connection, flt: EventFilter, corr: Corrections) -> Plan:
    """The SQL form of a filter on extracted (uncorrected) data; corrected events are excluded."""
    keys: list[str] = []
    conds: list[Any] = []
    needs_m = False
    impossible = False
    counted = not (flt.mode or flt.since or flt.until or flt.text or flt.min_confidence)
    if flt.pair:
        a, b = (cc.upper() for cc in flt.pair)
        if a != b:
            keys.append(pair_key(a, b))
        else:
            keys.append(country_key(a))
            conds.append(lambda idc, x: merged_events.c.countries.like(f"%,{a},%"))
            needs_m = True
            counted = False
    # an actor given by name (any of several ids) or by id (with the ids merged into it)
    for ids in ([resolve_actor_ids(conn, flt.actor, corr)] if flt.actor else []) + \
               ([original_actor_ids(conn, flt.actor_id, corr)] if flt.actor_id else []):
        if not ids:
            impossible = True
        elif len(ids) == 1:
            keys.append(actor_key(ids[0]))
        else:
            counted = False
            wanted = [actor_key(i) for i in ids]
            conds.append(lambda idc, x, wanted=wanted: idc.in_(
                select(merged_index.c.merged_id).where(merged_index.c.key.in_(wanted))))
    if flt.country:
        keys.append(country_key(flt.country))
    if flt.topic:
        keys.append(topic_key(flt.topic))
    if flt.lang:
        keys.append(lang_key(flt.lang.lower()))
    for extra in keys[1:]:
        conds.append(_has_key(extra))
    event_type = flt.type.upper() if flt.type else None
    if event_type:
        conds.append(lambda idc, x: (x.c.type if x is not None else merged_events.c.type) == event_type)
    if flt.min_confidence:
        least = float(flt.min_confidence)
        conds.append(lambda idc, x: (x.c.confidence if x is not None else merged_events.c.confidence) >= least)
    if flt.mode:
        conds.append(lambda idc, x: merged_events.c.mode == flt.mode.lower())
        needs_m = True
    period = None
    if flt.since or flt.until:
        lo, hi = _bounds(flt.since, flt.until)
        longest = conn.execute(select(func.max(merged_events.c.span_days))).scalar() or 0 if lo else 0
        period = Period(lo, hi, int(longest))
        needs_m = True
    if flt.text:
        conds.append(_text_condition(conn, flt.text))
    if corr.event_ids:
        excluded = corr.event_ids
        conds.append(lambda idc, x: idc.not_in(excluded))
    counted = counted and len(keys) <= 1 and not impossible
    return Plan(keys[0] if keys else None, conds, needs_m, impossible, counted, event_type, period)


def _has_key(key: str) -> Any:
    def cond(idc: Any, x: Any) -> Any:
        y = merged_index.alias("y")
        return exists().where(y.c.key == key, y.c.merged_id == idc)

    return cond


def _text_condition(conn: Connection, query: str) -> Any:
    if conn.dialect.name == "sqlite":
        match = _fts5_query(query) or '""'
        docs = text("SELECT doc_id FROM docs_fts WHERE docs_fts MATCH :fts_q").bindparams(fts_q=match) \
            .columns(doc_id=Text)
    else:
        docs = text("SELECT id AS doc_id FROM documents WHERE to_tsvector('simple', coalesce(title, '') || ' ' || "
                    "coalesce(text, '')) @@ websearch_to_tsquery('simple', :fts_q)").bindparams(fts_q=query) \
            .columns(doc_id=Text)
    sub = select(events.c.merged_id).where(events.c.doc_id.in_(select(docs.subquery().c.doc_id)))
    return lambda idc, x: idc.in_(sub)


def resolve_actor_ids(conn: Connection, wanted: str, corr: Corrections) -> list[str]:
    """The stored actor ids an actor filter means: the id itself, or every actor whose name contains
    `wanted` (case-insensitive), both after actor merges and renames."""
    a = actors.c
    if not corr.touches_actors:
        pattern = "%" + re.sub(r"([\\%_])", r"\\\1", wanted.lower()) + "%"
        named = or_(a.actor_id == wanted, a.name_lower.like(pattern, escape="\\"))
        found = conn.execute(select(a.actor_id).where(named).distinct().order_by(a.actor_id)).scalars()
        return list(found)
    needle = wanted.lower()
    out = set()
    for actor_id, name in conn.execute(select(a.actor_id, a.name).distinct()).all():
        shown = corr.actor_id(actor_id)
        shown_name = corr.actor_names.get(shown, name) if shown != actor_id else name
        shown_name = corr.renamed.get(shown, shown_name)
        if shown == wanted or needle in str(shown_name or "").lower():
            out.add(actor_id)
    return sorted(out)


def original_actor_ids(conn: Connection, actor_id: str, corr: Corrections) -> list[str]:
    """The stored actor ids shown as `actor_id` once actor merges are applied."""
    if not corr.touches_actors or not corr.alias:
        return [actor_id] if corr.actor_id(actor_id) == actor_id else []
    stored = conn.execute(select(actors.c.actor_id).distinct()).scalars()
    return sorted(i for i in stored if corr.actor_id(i) == actor_id)


def _source(plan: Plan, columns: Any) -> Any:
    """SELECT columns(id column, order columns…) FROM the plan's tables WHERE its conditions."""
    if plan.key is not None:
        x = merged_index.alias("x")
        idc = x.c.merged_id
        query = select(*columns(idc, x))
        if plan.needs_m:
            query = query.select_from(x.join(merged_events, merged_events.c.id == x.c.merged_id))
        query = query.where(x.c.key == plan.key)
    else:
        x = None
        idc = merged_events.c.id
        query = select(*columns(idc, None)).select_from(merged_events)
    conds = [c(idc, x) for c in plan.conds] + (plan.period.conditions() if plan.period else [])
    if plan.period and x is not None:
        # the same bounds on the key's own rows (merged_index.date_start is the record's date start, as in
        # merged_events): the scan reads the key's rows of the period (index key, date_start), not all of them
        conds += plan.period.start_bounds(x.c.date_start)
    if plan.impossible:
        conds.append(literal(False))
    return query.where(*conds) if conds else query


def _count(conn: Connection, plan: Plan) -> int:
    parts = plan.period.split() if plan.period else [None]
    return sum(int(conn.execute(_source(replace(plan, period=part), lambda idc, x: [func.count()])).scalar_one())
               for part in parts)


def _plan_count(conn: Connection, plan: Plan, extracted: dict[str, dict[str, Any]]) -> int:
    """How many events the plan's SQL matches (corrected events excluded): from key_months when the plan
    is counted (minus `extracted`, the corrected events as extracted, which the SQL excludes), else counted."""
    if not plan.counted:
        return _count(conn, plan)
    km = key_months.c
    query = select(func.coalesce(func.sum(km.n), 0)).where(km.key == plan.count_key, km.topic == ALL_TOPICS)
    if plan.type:
        query = query.where(km.type == plan.type)
    return int(conn.execute(query).scalar_one()) - len(_excluded_contributions(plan, extracted))


def _excluded_contributions(plan: Plan,
                            extracted: dict[str, dict[str, Any]]) -> list[tuple[dict[str, Any], Contribution]]:
    """The corrected events the count tables still count for a counted plan: (extracted record, its
    contribution) of each whose extracted form has the plan's key and type."""
    out = []
    for record in extracted.values():
        c = contribution(record)
        if plan.count_key in c.keys and (plan.type is None or record.get("type") == plan.type):
            out.append((record, c))
    return out


def _ordered_rows(conn: Connection, plan: Plan, sort: str | None, offset: int, limit: int | None) -> list[_Row]:
    """The plan's ids in the order `sort` defines: events with the sort value first (ordered by it, then id),
    then the others (oldest first, then id), cut to [offset, offset+limit)."""
    if limit == 0:
        return []
    by = (sort or "date").lstrip("-")
    desc = bool(sort and sort.startswith("-"))

    def value_col(x: Any) -> Any:
        table = x.c if x is not None else merged_events.c
        return table.date_start if by == "date" else table.confidence

    def cols(idc: Any, x: Any) -> list[Any]:
        table = x.c if x is not None else merged_events.c
        return [idc.label("id"), value_col(x).label("value"), table.date_start.label("date_start")]

    def has_value(idc: Any, x: Any) -> Any:
        col = value_col(x)
        return and_(col.is_not(None), col != "") if sort is None else col.is_not(None)

    def lacks_value(idc: Any, x: Any) -> Any:
        col = value_col(x)
        return or_(col.is_(None), col == "") if sort is None else col.is_(None)

    with_value = replace(plan, conds=plan.conds + [has_value])
    without = replace(plan, conds=plan.conds + [lacks_value])
    first = _source(with_value, cols)
    order = [first.selected_columns.value, first.selected_columns.id]
    first = first.order_by(*[c.desc() for c in order] if desc else order)
    rows = _window(conn, first, offset, limit)
    if limit is not None and len(rows) >= limit:
        return rows
    skipped = offset - _count(conn, with_value) if offset and not rows else 0
    second = _source(without, cols)
    # Events without the value keep the default order among themselves: oldest first, then id.
    second = second.order_by(func.coalesce(func.nullif(second.selected_columns.date_start, ""), "9999"),
                             second.selected_columns.id)
    more = _window(conn, second, max(0, skipped), None if limit is None else limit - len(rows))
    return rows + more


def _window(conn: Connection, query: Any, offset: int, limit: int | None) -> list[_Row]:
    if offset:
        query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [_Row(r.id, r.value, r.date_start) for r in conn.execute(query)]


def _records(conn: Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        query = select(merged_events.c.id, merged_events.c.record).where(merged_events.c.id.in_(chunk))
        for row in conn.execute(query):
            out[row.id] = json.loads(row.record)
    return out


def _corrected_matches(conn: Connection, flt: EventFilter, corr: Corrections,
                       extracted: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The corrected events (`extracted`: as extracted, by id) that match the filter on their corrected
    record (the exact Python filter)."""
    if not extracted:
        return []
    docs = set(_matching_doc_ids(conn, flt.text)) if flt.text else None
    out = []
    for merged_id in sorted(extracted):
        rec = corr.apply(extracted[merged_id])
        if rec.get("rejected") and not flt.include_rejected:
            continue
        if matches(rec, flt, docs):
            out.append(rec)
    return out


def _sort_value(rec: dict[str, Any], sort: str | None) -> Any:
    return (rec.get("date") or {}).get("start") if (sort or "date").lstrip("-") == "date" else rec.get("confidence")


def _row_key(sort: str | None) -> Any:
    """The Python twin of _ordered_rows' SQL order (to merge corrected events into it)."""
    desc = bool(sort and sort.startswith("-"))

    def key(row: _Row) -> tuple[Any, ...]:
        missing = row.value is None or (sort is None and row.value == "")
        if missing:
            return (1, row.date_start or "9999", row.id)
        if desc:
            return (0, Descending(row.value), Descending(row.id))
        return (0, row.value, row.id)

    return key


class Descending:
    """Inverts the order of a value inside a sort key."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __lt__(self, other: Descending) -> bool:
        return bool(self.value > other.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Descending) and self.value == other.value

    def __hash__(self) -> int:
        return hash(self.value)


def _bounds(since: str | None, until: str | None) -> tuple[dt.date | None, dt.date | None]:
    lo = parse_date(since, None) if since else None
    hi = parse_date(until, None) if until else None
    return (lo[0] if lo else None), (hi[1] if hi else None)


def check_period(value: str | None, option: str) -> str | None:
    """A --since/--until value, validated (YYYY, YYYY-MM or YYYY-MM-DD)."""
    if value is not None and (not re.fullmatch(r"\d{4}(-\d{2}){0,2}", value) or parse_date(value, None) is None):
        raise StoreError(f"{option} {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD", usage=True)
    return value


def matches(rec: dict[str, Any], flt: EventFilter, docs: set[str] | None = None) -> bool:
    """The exact filter, on a corrected merged record."""
    actors = rec.get("actors") or []
    countries = {str(a.get("country")).upper() for a in actors if a.get("country")}
    location_country = ((rec.get("location") or {}).get("country") or "").upper()
    checks = [
        not flt.type or rec.get("type") == flt.type.upper(),
        not flt.mode or rec.get("mode") == flt.mode.lower(),
        not flt.topic or flt.topic in (rec.get("topics") or []),
        not flt.lang or any(s.get("lang") == flt.lang.lower() for s in rec.get("sources") or []),
        not flt.country or flt.country.upper() in countries or flt.country.upper() == location_country,
        not flt.pair or all(cc.upper() in countries for cc in flt.pair),
        not flt.actor or any(_actor_matches(a, flt.actor) for a in actors),
        not flt.actor_id or any(str(a.get("id")) == flt.actor_id for a in actors),
        docs is None or any(s.get("doc") in docs for s in rec.get("sources") or []),
        _in_period(rec, flt.since, flt.until),
        not flt.min_confidence or float(rec.get("confidence") or 0.0) >= flt.min_confidence,
    ]
    return all(checks)


def _actor_matches(actor: dict[str, Any], wanted: str) -> bool:
    return actor.get("id") == wanted or wanted.lower() in str(actor.get("name") or "").lower()


def _in_period(rec: dict[str, Any], since: str | None, until: str | None) -> bool:
    if not since and not until:
        return True
    lo_bound, hi_bound = _bounds(since, until)
    date = rec.get("date") or {}
    start = parse_date(date.get("start"), None)
    if start is None:
        return False
    end = parse_date(date.get("end"), None) if date.get("end") else None
    lo, hi = start[0], (end[1] if end else start[1])
    return (lo_bound is None or hi >= lo_bound) and (hi_bound is None or lo <= hi_bound)


def list_actors(engine: Engine, flt: EventFilter | None = None, kind: str | None = None,
                actor_country: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Actors of the matching events with how many (merged) events each took part in, busiest first
    (the first `limit` of them; None: all).

    Counted in SQL: from the count tables for a filter on one key (actors, key_actors, actor_links), else
    from the merged_index a: keys of the matching events; name, kind, country and roles are each actor's
    most frequent stored variant (corrections applied)."""
    with engine.connect() as conn:
        return actor_window(conn, flt or EventFilter(), kind, actor_country, limit, 0)[0]


def actor_window(conn: Connection, flt: EventFilter, kind: str | None, actor_country: str | None,
                 limit: int | None, offset: int) -> tuple[list[dict[str, Any]], int]:
    """(actors [offset, offset+limit) in list_actors' order, how many there are in all). Names are looked
    up only for the window (and its ties) unless kind/actor_country filter on them."""
    corr = load_corrections(conn)
    counts = _actor_counts(conn, flt, corr)
    total = len(counts)
    if kind is None and actor_country is None and limit is not None:
        counts = top_with_ties(counts, offset + limit)
    rows = [dict(info, events=n) for info, n in _with_info(conn, corr, counts)]
    if kind:
        rows = [r for r in rows if r["kind"] == kind]
    if actor_country:
        rows = [r for r in rows if str(r["country"] or "").upper() == actor_country.upper()]
    if kind or actor_country:
        total = len(rows)
    rows.sort(key=lambda r: (-r["events"], str(r["name"]), r["id"]))
    return (rows[offset:] if limit is None else rows[offset:offset + limit]), total


def top_with_ties(counts: Counter[str], limit: int) -> Counter[str]:
    """The `limit` largest counts and every count tied with the last of them (names break ties later)."""
    ranked = sorted(counts.values(), reverse=True)
    if len(ranked) <= limit:
        return counts
    cut = ranked[max(0, limit - 1)]
    return Counter({k: n for k, n in counts.items() if n >= cut})


def _actor_counts(conn: Connection, flt: EventFilter, corr: Corrections) -> Counter[str]:
    """Merged events per (shown) actor id among the events matching `flt`."""
    counts: Counter[str] = Counter()
    plan = plan_filter(conn, flt, corr)
    extracted = _records(conn, corr.event_ids)

    def from_count_tables(counted: Plan) -> bool:
        # Without actor merges (which can fold two actors of one event into one), a one-key filter is counted
        # from the count tables: an actor's links (a: key), the key's actors (key_actors) or every actor's
        # events (actors; no key), the last two without a type filter.
        return counted.counted and not corr.alias and (counted.type is None or (counted.key or "").startswith("a:"))

    below = _below_threshold(conn, flt, corr, extracted)
    counted = below[0] if below is not None else plan
    if from_count_tables(counted):
        counts = _counted_actors(conn, counted)
        for record, _ in _excluded_contributions(counted, extracted):
            counts.subtract({str(a.get("id")) for a in record.get("actors") or [] if a.get("id") is not None})
        if below is not None:  # less the events under the threshold (no actor merge: counted in SQL)
            counts.subtract(_sql_actor_counts(conn, below[1], corr))
    else:
        counts.update(_sql_actor_counts(conn, plan, corr))
    for rec in _corrected_matches(conn, flt, corr, extracted):
        counts.update({str(a.get("id")) for a in rec.get("actors") or []})
    return Counter({k: n for k, n in counts.items() if n > 0})


def _sql_actor_counts(conn: Connection, plan: Plan, corr: Corrections) -> Counter[str]:
    """Merged events per (shown) actor among the plan's events, from their actor keys in merged_index."""
    counts: Counter[str] = Counter()
    ids = _source(plan, lambda idc, x: [idc]).subquery()
    k = merged_index.c
    actor_rows = [k.merged_id.in_(select(ids.c[0])), k.key >= "a:", k.key < "a;"]
    if not corr.alias:  # an event has each actor key once: its actors' events are counted in SQL
        grouped = select(k.key, func.count()).where(*actor_rows).group_by(k.key)
        counts.update({key[2:]: int(n) for key, n in conn.execute(grouped)})
        return counts
    # merged actors: two of one event may become one, so each event's shown actors are collected
    per_event: dict[str, set[str]] = defaultdict(set)
    for merged_id, key in conn.execute(select(k.merged_id, k.key).where(*actor_rows)):
        per_event[merged_id].add(corr.actor_id(key[2:]))
    for shown in per_event.values():
        counts.update(shown)
    return counts


def _below_threshold(conn: Connection, flt: EventFilter, corr: Corrections,
                     extracted: dict[str, dict[str, Any]]) -> tuple[Plan, Plan] | None:
    """For a confidence threshold on a filter the count tables answer: (the filter without the threshold,
    its events under the threshold) when those are fewer than the ones above it, else None.

    Counting the filter's events from the count tables and taking off the few under the threshold reads
    only those rows: the busiest pair (48,270 events at 1M) above 0.7 is 36,796 events to read directly,
    11,474 this way."""
    if not flt.min_confidence:
        return None
    base = plan_filter(conn, replace(flt, min_confidence=None), corr)
    if not base.counted or base.impossible:
        return None
    least = float(flt.min_confidence)

    def under(idc: Any, x: Any) -> Any:  # NOT (confidence >= least): NULL confidences are under it too
        confidence = x.c.confidence if x is not None else merged_events.c.confidence
        return or_(confidence < least, confidence.is_(None))

    below = replace(base, conds=[*base.conds, under], counted=False)
    n_below = _count(conn, below)
    return (base, below) if 2 * n_below < _plan_count(conn, base, extracted) else None


def _counted_actors(conn: Connection, plan: Plan) -> Counter[str]:
    """Merged events per actor among a counted plan's events (corrected events still counted)."""
    counts: Counter[str] = Counter()
    if plan.key is None:
        a = actors.c
        counts.update({actor_id: int(n) for actor_id, n in
                       conn.execute(select(a.actor_id, func.sum(a.n)).group_by(a.actor_id))})
    elif plan.key.startswith("a:"):
        me = plan.key[2:]
        links = actor_links.c
        query = select(links.other_id, func.sum(links.n)).where(links.actor_id == me).group_by(links.other_id)
        if plan.type:
            query = query.where(links.type == plan.type)
        counts.update({other: int(n) for other, n in conn.execute(query)})
        counts[me] = _plan_count(conn, plan, {})  # all its events: corrected ones are taken off later
    else:
        ka = key_actors.c
        counts.update({actor_id: int(n) for actor_id, n in
                       conn.execute(select(ka.actor_id, ka.n).where(ka.key == plan.key))})
    return counts


def actor_info(conn: Connection, corr: Corrections, ids: list[str]) -> dict[str, dict[str, Any]]:
    """id -> {id, name, kind, country, roles} from the actors table, for shown ids (actor merges applied)."""
    originals: dict[str, list[str]] = defaultdict(list)
    if corr.alias:
        for stored in conn.execute(select(actors.c.actor_id).distinct()).scalars():
            if corr.actor_id(stored) in ids:
                originals[corr.actor_id(stored)].append(stored)
    else:
        originals = defaultdict(list, {i: [i] for i in ids})
    wanted = sorted({o for group in originals.values() for o in group})
    variants: dict[str, list[Any]] = defaultdict(list)
    a = actors.c
    for i in range(0, len(wanted), 500):
        for row in conn.execute(select(a.actor_id, a.name, a.kind, a.country, a.role, a.n)
                                .where(a.actor_id.in_(wanted[i:i + 500]))):
            variants[row.actor_id].append(row)
    out = {}
    for shown, group in originals.items():
        rows = [r for o in group for r in variants.get(o, [])]
        own = [r for r in rows if r.actor_id == shown] or rows
        if not rows:
            continue
        best = max(own, key=lambda r: (r.n, -len(str(r.name or "")), str(r.name or "")))
        name = corr.renamed.get(shown, corr.actor_names.get(shown, best.name) if shown not in variants else best.name)
        out[shown] = {"id": shown, "name": name, "kind": best.kind, "country": best.country,
                      "roles": sorted({str(r.role) for r in rows if r.role})}
    return out


def _with_info(conn: Connection, corr: Corrections, counts: Counter[str]) -> list[tuple[dict[str, Any], int]]:
    info = actor_info(conn, corr, sorted(counts))
    return [(info.get(i, {"id": i, "name": None, "kind": None, "country": None, "roles": []}), n)
            for i, n in counts.items()]


def timeline(engine: Engine, flt: EventFilter | None = None, topics: bool = True) -> list[dict[str, Any]]:
    """Counts per month (by type and, unless `topics` is False, by topic) of the matching events; undated
    events last.

    A filter on one key (or none) reads the key's key_months rows (with a confidence threshold, less the
    events under it when those are fewer); any other filter counts the matching merged_index rows
    (`_count_months`). Never the records, except those of corrected events (few), which are counted from
    their corrected form."""
    flt = flt or EventFilter()
    counts = _MonthCounts()
    with engine.connect() as conn:
        corr = load_corrections(conn)
        plan = plan_filter(conn, flt, corr)
        extracted = _records(conn, corr.event_ids)
        below = _below_threshold(conn, flt, corr, extracted)
        if below is not None and below[0].type is not None:
            below = None  # key_months counts topics over all types
        counted = below[0] if below is not None else plan
        if counted.counted and counted.type is None:  # topics are counted per month over all types
            km = key_months.c
            query = select(km.month, km.type, km.topic, km.n).where(km.key == counted.count_key)
            for month, event_type, topic, n in conn.execute(query).all():
                counts.add(month, event_type, topic, int(n))
            for _, c in _excluded_contributions(counted, extracted):
                for (key, month, event_type, topic), n in c.months.items():
                    if key == counted.count_key:
                        counts.add(month, event_type, topic, -n)
            if below is not None:  # less the events under the threshold
                _count_months(conn, below[1], counts, topics, sign=-1)
        else:
            _count_months(conn, plan, counts, topics)
        for rec in _corrected_matches(conn, flt, corr, extracted):
            counts.add_event(month_of((rec.get("date") or {}).get("start")), rec["type"],
                             list(rec.get("topics") or []) if topics else [])
    return counts.rows()


def _count_months(conn: Connection, plan: Plan, counts: _MonthCounts, topics: bool, sign: int = 1) -> None:
    """Adds `sign` times the plan's events per type and month and, if `topics`, per topic and month to `counts`.

    Types alone are grouped in SQL by month, not by day: the busiest pair's ten years above a threshold come
    back as 3,511 rows instead of 35,210 (1M events). With the topics, whose combinations are nearly as many as
    the events (the busiest pair: 18,104 of 36,796), grouping in SQL saves no rows: the rows are read once and
    counted here column by column (a Python step per distinct (type, month) and (combination, month))."""
    if plan.key is None:  # every event: the index rows of the all-events key
        plan = replace(plan, key=ALL_KEY)
    months = _MonthOf()
    if not topics:
        dialect = conn.dialect.name
        # Grouped by type first: SQLite then reads the key's rows by the primary key (key, merged_id), so the
        # probes of another key's rows (a pair of actors) come in merged_id order; grouped by date first, it
        # took the (key, date_start) index for its order and probed at random (2x slower at 1M).
        by_type = _source(plan, lambda idc, x: [x.c.type, _month_or_date(x.c.date_start, dialect), func.count()])
        for event_type, start, n in conn.execute(by_type.group_by(*list(by_type.selected_columns)[:2])):
            counts.add(months[start], event_type, ALL_TOPICS, sign * int(n))
        return
    rows = conn.execute(_source(plan, lambda idc, x: [x.c.type, x.c.date_start, x.c.topics])).all()
    if not rows:
        return
    event_types, starts, combinations = zip(*rows, strict=True)
    in_month = list(map(months.__getitem__, starts))
    per_type = Counter(zip(in_month, event_types, strict=True))
    per_topic: Counter[tuple[str, str]] = Counter()
    split = _TopicsOf()
    for (combination, month), n in Counter(zip(combinations, in_month, strict=True)).items():
        for topic in split[combination]:
            per_topic[month, topic] += n
    for (month, event_type), n in per_type.items():
        counts.add(month, event_type, ALL_TOPICS, sign * n)
    for (month, topic), n in per_topic.items():
        counts.add(month, ALL_TYPES, topic, sign * n)


def _month_or_date(date_start: Any, dialect: str) -> Any:
    """SQL: "YYYY-MM" for a start shaped like an ISO month, or an ISO day up to the 28th (a day of every
    month), else the start itself. `month_of` then reads each value as it would the start ("2025-13" is
    undated either way; days 29-31, which a month may lack, and other forms are read whole)."""
    def shaped(pattern: str) -> Any:
        if dialect == "sqlite":
            return date_start.op("GLOB")(pattern.replace("D", "[0-9]"))
        return date_start.op("~")("^" + pattern.replace("D", "[0-9]") + "$")

    day = and_(shaped("DDDD-DD-DD"), func.substr(date_start, 9, 2).between("01", "28"))
    return case((or_(shaped("DDDD-DD"), day), func.substr(date_start, 1, 7)), else_=date_start)


class _TopicsOf(dict[str | None, tuple[str, ...]]):
    """The distinct topics of a stored combination ("" or None: none), split once per combination."""

    def __missing__(self, combination: str | None) -> tuple[str, ...]:
        topics = tuple(dict.fromkeys(combination.split(ROLE_SEP))) if combination else ()
        self[combination] = topics
        return topics


class _MonthOf(dict[str | None, str]):
    """month_of, remembered for the starts of one timeline; an ISO day up to the 28th is its month's (as in
    `_month_or_date`), so month_of reads each month once, not each day."""

    def __missing__(self, start: str | None) -> str:
        if start and len(start) == 10 and start[4] == start[7] == "-" and start[8:].isdigit() \
                and "01" <= start[8:] <= "28" and start[:4].isdigit() and start[5:7].isdigit():
            month = self[start[:7]]
        else:
            month = month_of(start)
        self[start] = month
        return month


@dataclass(slots=True)
class _MonthCounts:
    """A timeline being counted: events, types and topics per month."""

    events: Counter[str] = field(default_factory=Counter)
    types: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    topics: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def add(self, month: str, event_type: str, topic: str, n: int) -> None:
        """One key_months row: (type, "") counts events of a type, ("", topic) the events with a topic."""
        if topic == ALL_TOPICS:
            self.events[month] += n
            self.types[month][event_type] += n
        else:
            self.topics[month][topic] += n

    def add_event(self, month: str, event_type: str, topics: list[str], n: int = 1) -> None:
        self.add(month, event_type, ALL_TOPICS, n)
        for topic in dict.fromkeys(topics):
            self.add(month, ALL_TYPES, topic, n)

    def rows(self) -> list[dict[str, Any]]:
        out = []
        for month in sorted((m for m, n in self.events.items() if n > 0), key=lambda k: (k == UNDATED, k)):
            types = {t: n for t, n in sorted(self.types[month].items()) if n > 0}
            topics = {t: n for t, n in sorted(self.topics[month].items(), key=lambda kv: (-kv[1], kv[0])) if n > 0}
            out.append({"month": month, "events": self.events[month], "types": types, "topics": topics})
        return out


def change_mark(engine: Engine) -> str:
    """A mark that changes when documents are ingested or events corrected (watch skips work when it has not)."""
    with engine.connect() as conn:
        seq = conn.execute(select(func.max(documents.c.seq))).scalar()
        n_docs = conn.execute(select(func.count()).select_from(documents)).scalar()
        corr = conn.execute(select(func.max(corrections.c.id))).scalar()
        n_corr = conn.execute(select(func.count()).select_from(corrections).where(corrections.c.active)).scalar()
    return f"{seq}:{n_docs}:{corr}:{n_corr}"


def search_documents(engine: Engine, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Full-text search over stored documents (SQLite FTS5; PostgreSQL to_tsvector('simple'))."""
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            match = _fts5_query(query)
            if not match:
                return []
            rows = conn.execute(text(
                "SELECT f.doc_id AS id, d.title, d.date, d.lang, "
                "snippet(docs_fts, 2, '[', ']', '…', 12) AS snippet FROM docs_fts f "
                "JOIN documents d ON d.id = f.doc_id WHERE docs_fts MATCH :q ORDER BY rank, f.doc_id LIMIT :n"),
                {"q": match, "n": limit}).all()
        else:
            rows = conn.execute(text(
                "SELECT id, title, date, lang, ts_headline('simple', coalesce(text, ''), q, "
                "'StartSel=[, StopSel=], MaxWords=25, MinWords=8') AS snippet "
                "FROM documents, websearch_to_tsquery('simple', :q) AS q "
                "WHERE to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(text, '')) @@ q "
                "ORDER BY ts_rank(to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(text, '')), q) DESC, "
                "id LIMIT :n"), {"q": query, "n": limit}).all()
    return [{"id": r.id, "title": r.title, "date": r.date, "lang": r.lang, "snippet": r.snippet} for r in rows]


def _fts5_query(query: str) -> str:
    """User text -> a safe FTS5 query: quoted phrases kept, every other word quoted (all must match)."""
    terms = []
    for phrase, word in re.findall(r'"([^"]+)"|(\w+)', query):
        term = phrase or word
        if term.strip():
            terms.append('"' + term.replace('"', "") + '"')
    return " ".join(terms)


def _matching_doc_ids(conn: Connection, query: str) -> list[str]:
    if conn.dialect.name == "sqlite":
        match = _fts5_query(query)
        if not match:
            return []
        return list(conn.execute(text("SELECT doc_id FROM docs_fts WHERE docs_fts MATCH :q"), {"q": match}).scalars())
    return list(conn.execute(text(
        "SELECT id FROM documents WHERE to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(text, '')) "
        "@@ websearch_to_tsquery('simple', :q)"), {"q": query}).scalars())


@dataclass(frozen=True, slots=True)
class SourceReport:
    """One report merged into an event: its document, its own record, and why it was merged there."""

    report_id: str
    doc_id: str
    lang: str | None
    doc_date: str | None
    title: str | None
    record: dict[str, Any]
    merge_reason: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class EventExplanation:
    """A merged event (corrections applied) with its reports, in document order; callers render it."""

    record: dict[str, Any]
    sources: list[SourceReport]


def explain_event(db_url: str, event_id: str) -> EventExplanation | None:
    """A merged event, its corrections, its sources and why each was merged (for `communique show evt_…`).

    `event_id` may be a merged event id or the id of one of its reports; None when there is no such event.
    """
    engine = open_store(db_url)
    try:
        return _explanation(engine, event_id)
    finally:
        engine.dispose()


def merged_record(conn: Connection, event_id: str) -> tuple[str, dict[str, Any]] | None:
    """The merged event (its id and record, corrections applied) that `event_id` names: the merged id
    or the id of one of its reports; None when there is no such event."""
    merged_id = resolve_event_id(conn, event_id)
    if merged_id is None:
        return None
    raw = conn.execute(select(merged_events.c.record).where(merged_events.c.id == merged_id)).scalar()
    if raw is None:
        return None
    return merged_id, load_corrections(conn).apply(json.loads(raw))


def _explanation(engine: Engine, event_id: str) -> EventExplanation | None:
    with engine.connect() as conn:
        found = merged_record(conn, event_id)
        if found is None:
            return None
        merged_id, rec = found
        members = conn.execute(
            select(events.c.id, events.c.doc_id, events.c.lang, events.c.record, events.c.merge_reason,
                   documents.c.title, documents.c.date)
            .join(documents, documents.c.id == events.c.doc_id)
            .where(events.c.merged_id == merged_id).order_by(documents.c.seq, events.c.position)).all()
    sources = [SourceReport(report_id=m.id, doc_id=m.doc_id, lang=m.lang, doc_date=m.date, title=m.title,
                            record=json.loads(m.record),
                            merge_reason=json.loads(m.merge_reason) if m.merge_reason else None) for m in members]
    return EventExplanation(record=rec, sources=sources)
