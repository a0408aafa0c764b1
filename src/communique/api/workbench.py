"""The analyst's workbench in the JSON API: the relations pulse of a pair, the map, exports of any view,
and the watchlists of `communique watch` (reading is open like every read; editing needs the token)."""

from __future__ import annotations

from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response
from sqlalchemy import Engine

from communique.api.examples import (
    EXPORT_EXAMPLE,
    MAP_EXAMPLE,
    PULSE_EXAMPLE,
    WATCHLIST_EXAMPLE,
    WATCHLISTS_EXAMPLE,
    json_example,
)
from communique.api.routes import FilterDep, require_token
from communique.export import MEDIA_TYPES, export_bytes
from communique.serving.geo import map_view
from communique.serving.pulse import actor_pair, month_filter, pulse, quad_classes, quad_events, quad_named
from communique.serving.requests import EngineDep
from communique.store import EventFilter, query_events
from communique.watch.config import WatchConfigError, load_watchlists
from communique.watch.lists import current_matches, delete_entry, read_entries, save_entry, sent_alerts

router = APIRouter(prefix="/api")

Month = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}$", description="One month of the pulse: YYYY-MM.",
                                    examples=["2025-05"])]
Quad = Annotated[str | None, Query(pattern=r"^[a-z_]+$", description="A quad class: verbal_cooperation, "
                                   "material_cooperation, verbal_conflict or material_conflict.",
                                   examples=["verbal_cooperation"])]
WithActor = Annotated[str | None, Query(alias="with", max_length=300, examples=["Q7747"],
                                        description="With `actor`: the pulse of that pair of actors (an actor id).")]
EXPORT_MAX = 100_000


def pair_filter(engine: Engine, flt: EventFilter, with_actor: str | None) -> EventFilter:
    """The filter of a pulse: a pair of countries (`pair`) or of actors (`actor` and `with`)."""
    if with_actor:
        if not flt.actor:
            raise HTTPException(400, "with: give `actor` too (the pulse of the pair actor + with)")
        return actor_pair(engine, flt, with_actor.strip())
    if flt.pair is None and flt.actor is None:
        raise HTTPException(400, "give a pair of countries (pair=VN,RU) or of actors (actor=…&with=…)")
    return flt


@router.get("/pulse", tags=["workbench"], responses=json_example(PULSE_EXAMPLE))
def get_pulse(engine: EngineDep, flt: FilterDep, with_actor: WithActor = None) -> dict[str, Any]:
    """The relations pulse of a pair: its events per month in the four quad classes (PLOVER types grouped
    as ICEWS and POLECAT do: data/plover/quad_classes.yaml), with the net index per month (net: the sum of
    class weight x events; net_share: net over the sum of |weight| x events, from -1 to +1)."""
    flt = pair_filter(engine, flt, with_actor)
    result = pulse(engine, flt)
    return {"classes": [{"name": c.name, "label": c.label, "side": c.side, "weight": c.weight, "types": list(c.types)}
                        for c in quad_classes()],
            "months": [m.as_dict() for m in result.months],
            "undated": result.undated.as_dict() if result.undated else None,
            "totals": result.totals, "net": result.net}


@router.get("/pulse/events", tags=["workbench"])
def get_pulse_events(engine: EngineDep, flt: FilterDep, with_actor: WithActor = None, month: Month = None,
                     quad: Quad = None, sort: Annotated[str, Query(pattern=r"^-?(date|confidence)$")] = "-date",
                     limit: Annotated[int, Query(ge=1, le=500)] = 50,
                     offset: Annotated[int, Query(ge=0, le=100_000)] = 0) -> dict[str, Any]:
    """The events behind one bar of the pulse (a month and a quad class), with their evidence in each record."""
    flt = month_filter(pair_filter(engine, flt, with_actor), month)
    try:
        page = quad_events(engine, flt, quad_named(quad).name if quad else None, sort, limit, offset)
    except ValueError as error:
        raise HTTPException(400, str(error)) from None
    return {"total": page.total, "limit": page.limit, "offset": page.offset, "sort": page.sort,
            "next_offset": page.next_offset, "items": page.items}


@router.get("/map", tags=["workbench"], responses=json_example(MAP_EXAMPLE))
def get_map(engine: EngineDep, flt: FilterDep) -> dict[str, Any]:
    """The matching events per country for the world map (x, y in the coordinates of /static/world-110m.svg,
    Natural Earth 1:110m, public domain), with each country's busiest actors. Counted over the newest
    5,000 matching events at most (`capped` says when)."""
    view = map_view(engine, flt)
    return {"outline": "/static/world-110m.svg", "width": view.width, "height": view.height,
            "points": [p.as_dict() for p in view.points], "unplaced": view.unplaced, "capped": view.capped,
            "scanned": view.scanned}


@router.get("/export", tags=["workbench"], response_class=Response, responses={200: {"content": {
    media: {"example": EXPORT_EXAMPLE if fmt == "csv" else ""} for fmt, media in MEDIA_TYPES.items()},
    "description": "The file, as `communique export --format …` writes it."}})
def get_export(engine: EngineDep, flt: FilterDep,
               format: Annotated[str, Query(pattern="^(jsonl|csv|parquet|graphml|gexf)$", examples=["csv"],
                                            description="jsonl, csv, parquet (events) or graphml, gexf (actors)")]
               = "jsonl",
               limit: Annotated[int, Query(ge=1, le=EXPORT_MAX, description="At most this many events "
                                           "(oldest first, as the CLI).")] = 10_000) -> Response:
    """The matching events (any filter of /api/events) as a file: the same writers as `communique export`."""
    records = query_events(engine, flt, limit=limit)
    body = export_bytes(records, format)
    return Response(body, media_type=MEDIA_TYPES[format], headers={
        "Content-Disposition": f'attachment; filename="communique-events.{format}"',
        "X-Total-Exported": str(len(records))})


# -- watchlists ---------------------------------------------------------------------------------------


def watchlists_file(request: Request) -> FilePath:
    path = request.app.state.settings.watchlists_path
    if not path:
        raise HTTPException(404, "no watchlists file: start the server with COMMUNIQUE_WATCHLISTS=watchlists.yaml")
    return FilePath(path)


WatchFile = Annotated[FilePath, Depends(watchlists_file)]
Name = Annotated[str, Path(pattern=r"^[\w.:-]+$", max_length=100, examples=["vn-ru"])]
EntryBody = Annotated[dict[str, Any], Body(examples=[{"name": "vn-ru", "pairs": ["VN,RU"], "types": ["CONSULT"]}],
                                           description="One watchlist as in watchlists.yaml.")]


@router.get("/watchlists", tags=["watchlists"], responses=json_example(WATCHLISTS_EXAMPLE))
def get_watchlists(path: WatchFile) -> dict[str, Any]:
    """The watchlists of `communique watch` (the file COMMUNIQUE_WATCHLISTS names), as written there."""
    try:
        return {"file": path.name, "items": read_entries(path)}
    except WatchConfigError as error:
        raise HTTPException(422, str(error)) from None


@router.get("/watchlists/{name}", tags=["watchlists"], responses=json_example(WATCHLIST_EXAMPLE))
def get_watchlist(engine: EngineDep, path: WatchFile, name: Name,
                  limit: Annotated[int, Query(ge=1, le=200)] = 20) -> dict[str, Any]:
    """One watchlist: its entry, the alerts watch delivered for it, and the events that match it now."""
    try:
        lists = {w.name: w for w in load_watchlists(path)} if path.exists() else {}
        entries = {str(e.get("name")): e for e in read_entries(path)}
    except WatchConfigError as error:
        raise HTTPException(422, str(error)) from None
    if name not in lists:
        raise HTTPException(404, f"no watchlist {name!r}")
    return {"entry": entries[name], "alerts": sent_alerts(engine, name, limit),
            "matches": current_matches(engine, lists[name], limit)}


@router.post("/watchlists", tags=["watchlists"], dependencies=[Depends(require_token)], status_code=201)
def post_watchlist(path: WatchFile, entry: EntryBody) -> dict[str, Any]:
    """Add a watchlist (checked as `watch` loads the file; the file is unchanged when it is refused)."""
    return _saved(path, entry, None)


@router.put("/watchlists/{name}", tags=["watchlists"], dependencies=[Depends(require_token)])
def put_watchlist(path: WatchFile, name: Name, entry: EntryBody) -> dict[str, Any]:
    """Replace a watchlist (its delivery settings are kept unless the entry gives them)."""
    return _saved(path, entry, name)


@router.delete("/watchlists/{name}", tags=["watchlists"], dependencies=[Depends(require_token)])
def remove_watchlist(path: WatchFile, name: Name) -> dict[str, Any]:
    """Remove a watchlist from the file."""
    try:
        lists = delete_entry(path, name)
    except WatchConfigError as error:
        raise HTTPException(404 if "no watchlist named" in str(error) else 422, str(error)) from None
    return {"deleted": name, "watchlists": [w.name for w in lists]}


def _saved(path: FilePath, entry: dict[str, Any], replacing: str | None) -> dict[str, Any]:
    try:
        lists = save_entry(path, entry, replacing)
    except WatchConfigError as error:
        raise HTTPException(404 if "no watchlist named" in str(error) else 400, str(error)) from None
    return {"saved": entry.get("name"), "watchlists": [w.name for w in lists]}
