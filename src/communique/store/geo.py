"""Events per country for the map: how many matching merged events each country takes part in (as a
participant's country or the event's location, the `c:` keys of store/derived.py).

Counted in SQL, never from the records (except the few corrected events, from their corrected form):
  - no filter, or an event type only: the c: rows of key_months (no event row is read);
  - any other filter: the c: keys of the matching events in merged_index, over the `cap` newest
    matching events at most (the answer then says so), so a very busy filter stays fast.
The last answers are kept (per store, filter and cap) for at most KEPT_SECONDS, and no longer than the
store stays as it was: a new document or a correction changes the mark they are kept under (index
lookups only). A document re-ingested with changed text keeps its place, so that is what the time
limit is for.
"""

from __future__ import annotations

import threading
import time
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, func, select

from communique.store.corrections import load_corrections
from communique.store.derived import ALL_TOPICS
from communique.store.queries import (
    EventFilter,
    Plan,
    _corrected_matches,
    _excluded_contributions,
    _records,
    _source,
    list_actors,
    plan_filter,
)
from communique.store.schema import corrections, documents, key_months, merged_events, merged_index

COUNTRY_PREFIX = "c:"
COUNTRY_END = "c;"  # the first key after every c: key (";" follows ":")
MAP_CAP = 5_000


@dataclass(slots=True)
class CountryCounts:
    counts: Counter[str] = field(default_factory=Counter)  # ISO alpha-2 -> matching events
    scanned: int = 0  # matching events read from the index (0: counted from key_months, no event read)
    capped: bool = False
    actors: list[dict[str, Any]] = field(default_factory=list)  # the busiest actors of the view (list_actors)


KEPT_ANSWERS = 64
KEPT_SECONDS = 60.0
_kept: OrderedDict[tuple[Any, ...], tuple[tuple[Any, ...], CountryCounts]] = OrderedDict()
_kept_lock = threading.Lock()


def country_counts(engine: Engine, flt: EventFilter | None = None, cap: int = MAP_CAP,
                   actors: int = 0) -> CountryCounts:
    """Matching merged events per country (corrections applied), and the `actors` busiest actors."""
    flt = flt or EventFilter()
    key = (str(engine.url), flt, cap, actors)
    mark = _store_mark(engine)
    with _kept_lock:
        kept = _kept.get(key)
        fresh = kept is not None and kept[0][:-1] == mark[:-1] and mark[-1] - kept[0][-1] < KEPT_SECONDS
        if kept is not None and fresh:
            _kept.move_to_end(key)
            return kept[1]
    out = _count(engine, flt, cap)
    if actors:
        out.actors = list_actors(engine, flt, limit=actors)
    with _kept_lock:
        _kept[key] = (mark, out)
        while len(_kept) > KEPT_ANSWERS:
            _kept.popitem(last=False)
    return out


def _store_mark(engine: Engine) -> tuple[Any, ...]:
    """Changes when a new document is stored or a correction made (max of indexed columns: no scan);
    its last item is when it was taken (not compared)."""
    with engine.connect() as conn:
        seq = conn.execute(select(func.max(documents.c.seq))).scalar()
        corrected = conn.execute(select(func.max(corrections.c.id), func.count()).select_from(corrections)
                                 .where(corrections.c.active)).one()
    return (seq, *corrected, time.monotonic())


def _count(engine: Engine, flt: EventFilter, cap: int) -> CountryCounts:
    out = CountryCounts()
    with engine.connect() as conn:
        corr = load_corrections(conn)
        plan = plan_filter(conn, flt, corr)
        extracted = _records(conn, corr.event_ids)
        if plan.key is None and plan.counted:  # no filter, or a type only
            km = key_months.c
            query = select(km.key, func.sum(km.n)).where(
                km.key >= COUNTRY_PREFIX, km.key < COUNTRY_END, km.topic == ALL_TOPICS).group_by(km.key)
            if plan.type:
                query = query.where(km.type == plan.type)
            for key, n in conn.execute(query):
                out.counts[key[len(COUNTRY_PREFIX):]] += int(n)
            for _rec, c in _excluded_contributions(plan, extracted):
                for key in c.keys:
                    if key.startswith(COUNTRY_PREFIX):
                        out.counts[key[len(COUNTRY_PREFIX):]] -= 1
        else:
            newest = _newest_ids(plan, cap + 1).subquery()
            out.scanned = int(conn.execute(select(func.count()).select_from(newest)).scalar_one())
            out.capped = out.scanned > cap
            out.scanned = min(out.scanned, cap)
            mi = merged_index.c
            ids = select(newest.c.id).limit(cap).subquery()
            query = (select(mi.key, func.count()).join(ids, ids.c.id == mi.merged_id)
                     .where(mi.key >= COUNTRY_PREFIX, mi.key < COUNTRY_END).group_by(mi.key))
            for key, n in conn.execute(query):  # one statement: the ids never leave the database
                out.counts[key[len(COUNTRY_PREFIX):]] += int(n)
        for rec in _corrected_matches(conn, flt, corr, extracted):
            out.counts.update(_countries(rec))
    out.counts = Counter({cc: n for cc, n in out.counts.items() if n > 0})
    return out


def _newest_ids(plan: Plan, limit: int) -> Any:
    """SELECT the ids of the plan's `limit` newest events (the index order of an event page)."""
    def columns(idc: Any, x: Any) -> list[Any]:
        table = x.c if x is not None else merged_events.c
        return [idc.label("id"), table.date_start.label("date_start")]

    query = _source(plan, columns)
    return query.order_by(query.selected_columns.date_start.desc(), query.selected_columns.id.desc()).limit(limit)


def _countries(rec: dict[str, Any]) -> set[str]:
    found = {str(a["country"]).upper() for a in rec.get("actors") or [] if a.get("country")}
    location = (rec.get("location") or {}).get("country")
    return found | ({str(location).upper()} if location else set())
