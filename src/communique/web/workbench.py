"""The workbench pages: the relations pulse of a pair, the events behind one of its bars, the world map.
Every page is a GET whose query string is its whole state; every bar and map point links to its events,
and every view links to its exports (/api/export, the writers of `communique export`)."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Engine

from communique.serving.geo import map_view
from communique.serving.pulse import actor_pair, month_filter, pulse, quad_classes, quad_events, quad_named
from communique.serving.requests import EngineDep, build_filter
from communique.store import EventFilter, top_pairs
from communique.web import render
from communique.web.charts import COLORS, pulse_chart
from communique.web.pages import FILTER_NAMES, PAGE_SIZE, page

router = APIRouter(include_in_schema=False)
EXPORT_FORMATS = ("csv", "jsonl", "parquet", "graphml")
Sort = Annotated[str, Query(pattern=r"^-?(date|confidence)$")]
Offset = Annotated[int, Query(ge=0, le=100_000)]
Text = Annotated[str | None, Query(max_length=300)]


def view_filters(request: Request, engine: Engine) -> tuple[dict[str, str], EventFilter | None, str | None]:
    """The filter parameters as given, their EventFilter (with `with`: a pair of actors), or the error."""
    params = {k: request.query_params[k][:300] for k in (*FILTER_NAMES, "with") if request.query_params.get(k)}
    try:
        flt = build_filter(**{k: v for k, v in params.items() if k != "with"})
    except ValueError as error:
        return params, None, str(error)
    if params.get("with"):
        if not flt.actor:
            return params, None, "with: give an actor too (the pulse of the pair actor + with)"
        flt = actor_pair(engine, flt, params["with"].strip())
    return params, flt, None


def exports(params: dict[str, str]) -> list[dict[str, str]]:
    """Links to the current view's events as files (the API's /api/export takes the same filters)."""
    plain = {k: v for k, v in params.items() if k in FILTER_NAMES}
    return [{"format": fmt, "href": "/api/export" + render.query_string(plain, format=fmt)} for fmt in EXPORT_FORMATS]


@router.get("/pulse", response_class=HTMLResponse)
def pulse_page(request: Request, engine: EngineDep) -> HTMLResponse:
    """The relations pulse of a pair of countries (default: the busiest pair) or of two actors."""
    params, flt, error = view_filters(request, engine)
    pairs = top_pairs(engine, 30)
    if flt is not None and flt.pair is None and flt.actor is None and pairs:
        params["pair"] = pairs[0]["pair"]
        first, second = pairs[0]["pair"].split(",")
        flt = replace(flt, pair=(first, second))
    context: dict[str, Any] = {"title": "Relations pulse", "params": params, "error": error, "pairs": pairs,
                               "classes": quad_classes(), "colors": COLORS, "exports": exports(params)}
    status = 400 if error else 200
    if flt is not None and (flt.pair is not None or flt.actor is not None):
        result = pulse(engine, flt)

        def link(month: str, quad: str | None) -> str:
            return "/pulse/events" + render.query_string(params, month=month, quad=quad)

        context.update(result=result, chart=pulse_chart(result, link),
                       all_href="/pulse/events" + render.query_string(params))
    return page("pulse.html", status=status, **context)


@router.get("/pulse/events", response_class=HTMLResponse)
def pulse_events_page(request: Request, engine: EngineDep, sort: Sort = "-date", offset: Offset = 0,
                      month: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}$")] = None,
                      quad: Annotated[str | None, Query(pattern=r"^[a-z_]+$")] = None) -> HTMLResponse:
    """The events behind one bar of the pulse (a month and a quad class), sortable, each with its evidence."""
    params, flt, error = view_filters(request, engine)
    quad_class = None
    if quad:
        try:
            quad_class = quad_named(quad)
        except ValueError as problem:
            error = str(problem)
    context: dict[str, Any] = {"title": "Pulse events", "params": params, "error": error, "month": month,
                               "quad": quad_class, "sort": sort, "exports": exports(params)}
    if flt is not None and error is None:
        result = quad_events(engine, month_filter(flt, month), quad, sort, PAGE_SIZE, offset)
        share = {**params, "month": month, "quad": quad}
        context.update(result=result, share=share,
                       exports=exports({**params, "since": month, "until": month} if month else params))
    return page("pulse_events.html", status=400 if error else 200, **context)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, engine: EngineDep) -> HTMLResponse:
    """Events and actors on a world map (drawn from the shipped outline), filtered like the event list;
    a point opens the events of its country with the same filters."""
    params, flt, error = view_filters(request, engine)
    context: dict[str, Any] = {"title": "Map", "params": params, "error": error, "exports": exports(params)}
    if flt is not None:
        view = map_view(engine, flt)
        plain = {k: v for k, v in params.items() if k in FILTER_NAMES}
        links = {p.country: "/events" + _country_query(plain, p.country) for p in view.points}
        context.update(view=view, links=links)
    return page("map.html", status=400 if error else 200, **context)


def _country_query(params: dict[str, str], country: str) -> str:
    """The event list of one map point: the view's filters and that country (with a country filter already
    set, the pair of the two, so that neither is lost)."""
    chosen = params.get("country", "").upper()
    if chosen and chosen != country and not params.get("pair"):
        return render.query_string(params, country=None, pair=f"{chosen},{country}")
    return render.query_string(params, country=country)
