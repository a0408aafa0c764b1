"""Events per country for the map: how many matching merged events each country takes part in (as a
participant's country or the event's location, the `c:` keys of store/derived.py).

Counted in SQL, never from the records (except the few corrected events, from their corrected form):
  - no filter, or an event type only: the c: rows of key_months (no event row is read);
  - any other filter: the c: keys of the matching events in merged_index, over the `cap` newest
    matching events at most (the answer then says so), so a very busy filter stays fast.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, func, select

from communique.store.corrections import load_corrections
from communique.store.derived import ALL_TOPICS
from communique.store.queries import (
    EventFilter,
    _corrected_matches,
    _excluded_contributions,
    _ordered_rows,
    _records,
    plan_filter,
)
from communique.store.schema import key_months, merged_index

COUNTRY_PREFIX = "c:"
COUNTRY_END = "c;"  # the first key after every c: key (";" follows ":")
MAP_CAP = 20_000


@dataclass(slots=True)
class CountryCounts:
    counts: Counter[str] = field(default_factory=Counter)  # ISO alpha-2 -> matching events
    scanned: int = 0  # matching events read from the index (0: counted from key_months, no event read)
    capped: bool = False


def country_counts(engine: Engine, flt: EventFilter | None = None, cap: int = MAP_CAP) -> CountryCounts:
    """Matching merged events per country (corrections applied)."""
    flt = flt or EventFilter()
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
            rows = _ordered_rows(conn, plan, "-date", 0, cap + 1)
            out.capped = len(rows) > cap
            ids = [r.id for r in rows[:cap]]
            out.scanned = len(ids)
            mi = merged_index.c
            for i in range(0, len(ids), 900):
                query = select(mi.key, func.count()).where(
                    mi.merged_id.in_(ids[i:i + 900]), mi.key >= COUNTRY_PREFIX, mi.key < COUNTRY_END
                ).group_by(mi.key)
                for key, n in conn.execute(query):
                    out.counts[key[len(COUNTRY_PREFIX):]] += int(n)
        for rec in _corrected_matches(conn, flt, corr, extracted):
            out.counts.update(_countries(rec))
    out.counts = Counter({cc: n for cc, n in out.counts.items() if n > 0})
    return out


def _countries(rec: dict[str, Any]) -> set[str]:
    found = {str(a["country"]).upper() for a in rec.get("actors") or [] if a.get("country")}
    location = (rec.get("location") or {}).get("country")
    return found | ({str(location).upper()} if location else set())
