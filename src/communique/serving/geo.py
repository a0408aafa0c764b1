"""The map: matching events per country placed on the shipped world outline (Natural Earth 1:110m, public
domain; `web/static/world-110m.svg`, points in `data/map/world-110m.json`, built by
scripts/build_world_map.py), with the busiest actors of each country. No tile server, nothing fetched.

    view = map_view(engine, EventFilter(type="CONSULT"))   # MapView: points (x, y, events, actors)
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from sqlalchemy import Engine

from communique.store import EventFilter, country_counts

MAP_ACTORS = 60  # the busiest actors of the view, shown under their country
ACTORS_PER_COUNTRY = 5


@lru_cache(maxsize=1)
def world() -> dict[str, Any]:
    """The map's frame (width, height) and per country code its name and point (SVG coordinates)."""
    data: dict[str, Any] = json.loads(
        resources.files("communique").joinpath("data/map/world-110m.json").read_text("utf-8"))
    return data


@dataclass(slots=True)
class MapPoint:
    country: str
    name: str
    x: float
    y: float
    events: int
    radius: float
    actors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"country": self.country, "name": self.name, "x": self.x, "y": self.y, "events": self.events,
                "actors": self.actors}


@dataclass(slots=True)
class MapView:
    width: float
    height: float
    points: list[MapPoint]  # busiest first
    unplaced: dict[str, int]  # countries with events but no point on the map (code -> events)
    scanned: int  # events read to count (0: counted from the count tables)
    capped: bool  # counted over the newest `scanned` matching events only


def map_view(engine: Engine, flt: EventFilter) -> MapView:
    frame = world()
    places = frame["countries"]
    counted = country_counts(engine, flt, actors=MAP_ACTORS)
    actors_by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for actor in counted.actors:
        cc = str(actor.get("country") or "").upper()
        if cc and len(actors_by_country[cc]) < ACTORS_PER_COUNTRY:
            actors_by_country[cc].append({"id": actor["id"], "name": actor.get("name") or actor["id"],
                                          "kind": actor.get("kind"), "events": actor["events"]})
    peak = max(counted.counts.values(), default=1)
    points, unplaced = [], {}
    for cc, n in sorted(counted.counts.items(), key=lambda kv: (-kv[1], kv[0])):
        place = places.get(cc)
        if place is None:
            unplaced[cc] = n
            continue
        points.append(MapPoint(cc, place["name"], place["x"], place["y"], n, _radius(n, peak),
                               actors_by_country.get(cc, [])))
    return MapView(frame["width"], frame["height"], points, unplaced, counted.scanned, counted.capped)


def _radius(n: int, peak: int) -> float:
    """Area proportional to the count, 3 to 22 px."""
    return round(3 + 19 * math.sqrt(n / peak), 1) if peak else 3.0
