"""Server-rendered pages (Jinja2, autoescaped everywhere): the pair dashboard, events with filters, one
event with its evidence highlighted, actors, one actor with its network, documents, stories (one story's
articles across languages and its events), full-text search.

Every page is a GET whose query parameters are the whole state, so any view can be shared as a URL.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

import jinja2
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from communique.serving.params import reads_query, reject_unknown_query
from communique.serving.public import moved_actor_url
from communique.serving.requests import EngineDep, build_filter
from communique.serving.search import search as search_entities_and_words
from communique.store import (
    PLOVER_TYPES,
    EventFilter,
    actor_detail,
    document_detail,
    event_detail,
    list_actors,
    page_events,
    page_stories,
    story_detail,
    surviving_actor,
    timeline,
    top_pairs,
)
from communique.web import render

TEMPLATES = Path(__file__).resolve().parent / "templates"
FILTER_NAMES = ("actor", "country", "pair", "type", "mode", "topic", "since", "until", "lang", "text",
                "min_confidence")
PAGE_SIZE = 50

router = APIRouter(include_in_schema=False, dependencies=[Depends(reject_unknown_query)])
Param = Annotated[str | None, Query(max_length=300)]


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["date_text"] = render.date_text
    env.filters["country_name"] = render.country_name
    env.filters["safe_url"] = render.safe_url
    env.globals.update(qs=render.query_string, pieces=render.evidence_pieces, legend=render.legend,
                       field_class=render.field_class, plover_types=PLOVER_TYPES, is_undated=render.is_undated,
                       weak=render.is_weak, weak_below=render.WEAK_CONFIDENCE)
    return env


def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(environment().get_template(name).render(**context), status_code=status)


def render_error(request: Request, status: int, message: str) -> Response:
    return page("error.html", status=status, status_code=status, message=message, title=f"Error {status}")


def _filters(request: Request) -> tuple[dict[str, str], EventFilter | None, str | None]:
    """The filter parameters as given, the EventFilter they make, and an error message when invalid."""
    params = {k: request.query_params[k][:300] for k in FILTER_NAMES if request.query_params.get(k)}
    try:
        return params, build_filter(**params), None
    except ValueError as error:
        return params, None, str(error)


@router.get("/", response_class=HTMLResponse)
@reads_query(*FILTER_NAMES)
def dashboard(request: Request, engine: EngineDep) -> HTMLResponse:
    """The relationship dashboard of a pair of countries (default: the pair with the most events)."""
    pairs = top_pairs(engine, 30)
    params, flt, error = _filters(request)
    if flt is not None and flt.pair is None and pairs:
        params["pair"] = pairs[0]["pair"]
        flt = build_filter(**params)
    context: dict[str, Any] = {"title": "Dashboard", "params": params, "error": error, "pairs": pairs,
                               "pair": params.get("pair")}
    if flt is not None:
        rows = timeline(engine, flt)
        context.update(
            latest=page_events(engine, flt, "-date", 15).items,
            actors=list_actors(engine, flt, limit=12),
            total=sum(r["events"] for r in rows),
            topic_rows=_topic_table(rows),
            timeline_url="/api/timeline" + render.query_string(params),
        )
    return page("dashboard.html", status=400 if error else 200, **context)


def _topic_table(rows: list[dict[str, Any]], top: int = 8) -> dict[str, Any]:
    """Topics (the `top` most frequent) by month, for the topics-over-time table."""
    totals: dict[str, int] = {}
    for row in rows:
        for topic, n in row["topics"].items():
            totals[topic] = totals.get(topic, 0) + n
    topics = sorted(totals, key=lambda t: (-totals[t], t))[:top]
    months = [r["month"] for r in rows]
    cells = {r["month"]: r["topics"] for r in rows}
    peak = max([n for r in rows for t, n in r["topics"].items() if t in topics] or [1])
    return {"topics": topics, "months": months, "cells": cells, "peak": peak, "totals": totals}


@router.get("/events", response_class=HTMLResponse)
@reads_query(*FILTER_NAMES)
def events_page(request: Request, engine: EngineDep,
                sort: Annotated[str, Query(pattern=r"^-?(date|confidence)$")] = "-date",
                offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> HTMLResponse:
    """Events with every filter of the CLI, sorted and paginated; the URL holds the whole query."""
    params, flt, error = _filters(request)
    result = page_events(engine, flt, sort, PAGE_SIZE, offset) if flt is not None else None
    return page("events.html", status=400 if error else 200, title="Events", params=params, error=error, sort=sort,
                result=result, share={**params, "sort": sort if sort != "-date" else None})


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(engine: EngineDep, event_id: str) -> HTMLResponse:
    """One event: what, when, where, who (with roles), topics, agreements, and each source with its evidence."""
    found = event_detail(engine, event_id[:200], 600)
    if found is None:
        raise HTTPException(404, f"no event {event_id[:200]!r}")
    return page("event.html", title=f"{found.get('type')} {render.date_text(found.get('date'))}", ev=found)


@router.get("/actors", response_class=HTMLResponse)
def actors_page(engine: EngineDep, q: Param = None, country: Param = None,
                kind: Annotated[str | None, Query(pattern="^(|person|organization|country)$")] = None) -> HTMLResponse:
    rows = list_actors(engine, EventFilter(actor=q or None), kind=kind or None, actor_country=country or None)
    return page("actors.html", title="Actors", rows=rows[:300], total=len(rows),
                params={k: v for k, v in {"q": q, "country": country, "kind": kind}.items() if v})


@router.get("/actors/{actor_id:path}", response_class=HTMLResponse)
def actor_page(request: Request, engine: EngineDep, actor_id: str) -> Response:
    """One actor: roles over time, counterparts as a radial network, events; an actor merged into another
    redirects (308) to the surviving one."""
    if (survivor := surviving_actor(engine, actor_id[:200])) is not None:
        return RedirectResponse(moved_actor_url(request, "/actors/", survivor), status_code=308)
    found = actor_detail(engine, actor_id[:200], counterpart_limit=24)
    if found is None:
        raise HTTPException(404, f"no actor {actor_id[:200]!r}")
    graph = render.radial_layout(found, found["counterparts"])
    return page("actor.html", title=str(found.get("name") or actor_id), actor=found, graph=graph)


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document_page(engine: EngineDep, doc_id: str) -> HTMLResponse:
    """One document's cleaned text with the evidence of all its events marked."""
    found = document_detail(engine, doc_id[:300])
    if found is None:
        raise HTTPException(404, f"no document {doc_id[:300]!r}")
    marks = [e for ev in found["events"] for e in ev["evidence"]]
    return page("document.html", title=found.get("title") or found["id"], doc=found, marks=marks)


@router.get("/stories", response_class=HTMLResponse)
def stories_page(engine: EngineDep, lang: Annotated[str | None, Query(pattern=r"^([a-z]{2,3})?$")] = None,
                 min_documents: Annotated[int, Query(ge=1, le=10_000)] = 1,
                 offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> HTMLResponse:
    """Stories, most recently seen first: how many articles, in which languages, by which outlets, when."""
    result = page_stories(engine, PAGE_SIZE, offset, min_documents, lang or None)
    params = {k: v for k, v in {"lang": lang, "min_documents": min_documents if min_documents > 1 else None}.items()
              if v}
    return page("stories.html", title="Stories", result=result, params=params, offset=offset, limit=PAGE_SIZE)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(engine: EngineDep, story_id: str) -> HTMLResponse:
    """One story: its span, languages and outlets, its articles in the order seen (with the article and score
    that joined each), and the events reported in them."""
    found = story_detail(engine, story_id[:200])
    if found is None:
        raise HTTPException(404, f"no story {story_id[:200]!r}")
    return page("story.html", title=found.story.title or found.story.id, story=found)


@router.get("/search", response_class=HTMLResponse)
def search_page(engine: EngineDep, q: Param = None,
                lang: Annotated[str | None, Query(pattern=r"^([a-z]{2,3})?$")] = None,
                year: Annotated[str | None, Query(pattern=r"^(\d{4}|undated)?$")] = None,
                offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> HTMLResponse:
    """Documents by words or by entity (any spelling or script, through the knowledge base), with the
    count of each language and year as filter links, and a link to the events those documents support."""
    params = {k: v for k, v in {"q": q, "lang": lang, "year": year}.items() if v}
    result = search_entities_and_words(engine, q, PAGE_SIZE, offset, lang or None, year or None) \
        if q and q.strip() else None
    return page("search.html", title="Search", q=q or "", params=params, result=result,
                hits=result.items if result else [])
