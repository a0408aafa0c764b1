"""The relations pulse: the events of a pair (of countries or of actors) per month in the four quad classes
of event data (verbal/material cooperation, verbal/material conflict, over PLOVER types), with a net index.

The classes and their weights are data (`data/plover/quad_classes.yaml`, with its source); the counts come
from the store's timeline (`communique.store.timeline`: count tables, no event is read for a pair filter).

    rows = pulse(engine, EventFilter(pair=("RU", "VN")))       # Pulse: months with counts and net index
    page = quad_events(engine, flt, "verbal_conflict", "-date", 50, 0)   # the events behind one bar
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from sqlalchemy import Engine

from communique.store import PLOVER_TYPES, EventFilter, EventPage, count_events, page_events, timeline

UNDATED = "undated"
ONE_QUERY = 500  # a filter with at most this many events is read once and split by class in memory


@dataclass(frozen=True, slots=True)
class QuadClass:
    name: str  # e.g. verbal_cooperation
    label: str
    side: str  # cooperation | conflict
    weight: int  # what one event adds to the net index
    types: tuple[str, ...]


@lru_cache(maxsize=1)
def quad_classes() -> tuple[QuadClass, ...]:
    """The four classes in chart order, from the data file; every PLOVER type in exactly one."""
    raw = yaml.safe_load(resources.files("communique").joinpath("data/plover/quad_classes.yaml").read_text("utf-8"))
    classes = tuple(QuadClass(name, str(c["label"]), str(c["side"]), int(c["weight"]), tuple(c["types"]))
                    for name, c in raw["classes"].items())
    covered = sorted(t for c in classes for t in c.types)
    if covered != sorted(PLOVER_TYPES):  # a type without a class would vanish from the pulse
        raise ValueError(f"quad_classes.yaml: types {covered} are not the PLOVER types {sorted(PLOVER_TYPES)}")
    return classes


def quad_of(event_type: str) -> QuadClass | None:
    return next((c for c in quad_classes() if event_type in c.types), None)


def quad_named(name: str) -> QuadClass:
    """The class called `name`; ValueError naming the known ones otherwise."""
    found = next((c for c in quad_classes() if c.name == name), None)
    if found is None:
        raise ValueError(f"quad {name!r}: expected one of {', '.join(c.name for c in quad_classes())}")
    return found


@dataclass(slots=True)
class PulseMonth:
    month: str  # YYYY-MM or "undated"
    counts: dict[str, int]  # quad class name -> events
    total: int
    net: int  # sum of weight x events over the classes
    net_share: float  # net / (sum of |weight| x events): -1 (all material conflict) .. +1

    def as_dict(self) -> dict[str, Any]:
        return {"month": self.month, "counts": self.counts, "total": self.total, "net": self.net,
                "net_share": self.net_share}


@dataclass(slots=True)
class Pulse:
    months: list[PulseMonth] = field(default_factory=list)  # dated months, oldest first
    undated: PulseMonth | None = None
    totals: dict[str, int] = field(default_factory=dict)
    net: int = 0


def pulse(engine: Engine, flt: EventFilter) -> Pulse:
    """Quad-class counts and the net index per month of the events matching `flt`."""
    out = Pulse(totals={c.name: 0 for c in quad_classes()})
    for row in timeline(engine, flt, topics=False):  # the pulse counts types only
        month = _month(row["month"], row["types"])
        for name, n in month.counts.items():
            out.totals[name] += n
        out.net += month.net
        if month.month == UNDATED:
            out.undated = month
        else:
            out.months.append(month)
    return out


def _month(name: str, types: dict[str, int]) -> PulseMonth:
    counts = {c.name: sum(types.get(t, 0) for t in c.types) for c in quad_classes()}
    weights = {c.name: c.weight for c in quad_classes()}
    net = sum(weights[k] * n for k, n in counts.items())
    scale = sum(abs(weights[k]) * n for k, n in counts.items())
    return PulseMonth(name, counts, sum(counts.values()), net, round(net / scale, 3) if scale else 0.0)


def actor_pair(engine: Engine, flt: EventFilter, other: str) -> EventFilter:
    """`flt` (with `actor`) narrowed to the events `other` (an actor id) shares with that actor.

    The store reads the first actor's events and keeps those of the second: when both are ids, the one
    with fewer events (a count from the count tables) goes first, so a pair with a very busy actor
    reads the other one's events only."""
    pair = replace(flt, actor_id=other)
    if not flt.actor:
        return pair
    first = count_events(engine, EventFilter(actor_id=flt.actor))  # 0: a name, not an id
    second = count_events(engine, EventFilter(actor_id=other))
    if 0 < second < first:
        return replace(flt, actor=other, actor_id=flt.actor)
    return pair


def month_filter(flt: EventFilter, month: str | None) -> EventFilter:
    """`flt` narrowed to one month (YYYY-MM) of the pulse; None or "" leaves it as it is."""
    if not month:
        return flt
    return replace(flt, since=month, until=month)


def quad_events(engine: Engine, flt: EventFilter, quad: str | None, sort: str, limit: int, offset: int) -> EventPage:
    """A page of the events of one quad class (all classes when None) matching `flt`, in `sort` order.

    A bar's filter (a pair and a month) usually holds few events: they are read in one store query and
    the class's kept; a bigger one costs one store query per PLOVER type of the class (a filter holds
    one type), merged."""
    if quad is None or flt.type:
        return page_events(engine, flt, sort, limit, offset)
    types = quad_named(quad).types
    whole = page_events(engine, flt, sort, ONE_QUERY, 0)
    if whole.total <= ONE_QUERY:
        kept = [e for e in whole.items if e.get("type") in types]
        return EventPage(kept[offset:offset + limit], len(kept), limit, offset, sort)
    pages = [page_events(engine, replace(flt, type=t), sort, offset + limit, 0) for t in types]
    key = _sort_key(sort)
    merged = list(heapq.merge(*[p.items for p in pages], key=key))
    return EventPage(merged[offset:offset + limit], sum(p.total for p in pages), limit, offset, sort)


def _sort_key(sort: str) -> Any:
    """The store's order (values first, sorted, then id; events without a value last) as a merge key."""
    by_date = sort.lstrip("-") == "date"
    descending = sort.startswith("-")

    def key(rec: dict[str, Any]) -> tuple[Any, ...]:
        value = (rec.get("date") or {}).get("start") if by_date else rec.get("confidence")
        if value is None or value == "":
            return (1, "", rec["id"])
        if descending:
            return (0, _Desc(value), _Desc(rec["id"]))
        return (0, value, rec["id"])

    return key


class _Desc:
    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __lt__(self, other: _Desc) -> bool:
        return bool(self.value > other.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Desc) and self.value == other.value

    def __hash__(self) -> int:
        return hash(self.value)
