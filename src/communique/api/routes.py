"""The JSON API under /api: events, actors, the network, timelines, search, documents; and the two
writes (ingestion, corrections), which need the bearer token."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import RedirectResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from communique.api.models import (
    ActorMergeIn,
    ActorRenameIn,
    DocumentIn,
    DocumentsIn,
    EventCorrectionIn,
    SplitIn,
)
from communique.clean.language import is_language_code
from communique.options import Options
from communique.read import iso_date, jsonl_document
from communique.serving.params import reject_unknown_query
from communique.serving.public import moved_actor_url, public_source
from communique.serving.requests import EngineDep, build_filter
from communique.serving.search import search as search_entities_and_words
from communique.store import (
    EventFilter,
    actor_detail,
    correct_event,
    count_pairs,
    document_detail,
    event_detail,
    history,
    ingest_items,
    list_documents,
    merge_actors,
    network,
    page_actors,
    page_events,
    page_stories,
    parse_assignment,
    rename_actor,
    split_report,
    story_detail,
    surviving_actor,
    timeline,
    top_pairs,
)

router = APIRouter(prefix="/api", dependencies=[Depends(reject_unknown_query)])

Text = Annotated[str | None, Query(max_length=300)]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


def event_filter(actor: Text = None, country: Text = None, pair: Text = None, type: Text = None,
                 mode: Text = None, topic: Text = None, since: Text = None, until: Text = None,
                 lang: Text = None, text: Text = None,
                 min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None) -> EventFilter:
    """The filters of `communique events`, as query parameters (pair=VN,RU; since/until=YYYY[-MM[-DD]];
    min_confidence=0.5: only events at least that confident)."""
    try:
        return build_filter(actor, country, pair, type, mode, topic, since, until, lang, text, min_confidence)
    except ValueError as error:
        raise HTTPException(400, str(error)) from None


bearer = HTTPBearer(auto_error=False, description="The server's COMMUNIQUE_TOKEN.")


def require_token(request: Request,
                  credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    """Writes need `Authorization: Bearer <COMMUNIQUE_TOKEN>`; without a configured token they are refused."""
    token = request.app.state.settings.token
    if not token:
        raise HTTPException(403, "writes are disabled: start the server with COMMUNIQUE_TOKEN set to allow them")
    given = credentials.credentials if credentials is not None else ""
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(401, "a valid 'Authorization: Bearer <token>' header is required",
                            headers={"WWW-Authenticate": "Bearer"})


FilterDep = Annotated[EventFilter, Depends(event_filter)]


# -- events -------------------------------------------------------------------------------------------


@router.get("/events", tags=["events"])
def list_events(engine: EngineDep, flt: FilterDep, limit: Limit = 50, offset: Offset = 0,
                sort: Annotated[str, Query(pattern=r"^-?(date|confidence)$")] = "-date") -> dict[str, Any]:
    """Merged events (corrections applied), filtered, sorted (date, -date, confidence, -confidence), paginated."""
    page = page_events(engine, flt, sort, limit, offset)
    return {"total": page.total, "limit": page.limit, "offset": page.offset, "sort": page.sort,
            "next_offset": page.next_offset, "items": page.items}


@router.get("/events/{event_id}", tags=["events"])
def get_event(engine: EngineDep, event_id: Annotated[str, Path(max_length=200)],
              context: Annotated[int, Query(ge=0, le=5000)] = 400) -> dict[str, Any]:
    """One event with its evidence and its sources: each source's document (title, url, date) and the
    cleaned text around the evidence (`context.text`, with `marks` relative to it)."""
    found = event_detail(engine, event_id, context)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return found


# -- actors -------------------------------------------------------------------------------------------


@router.get("/actors", tags=["actors"])
def get_actors(engine: EngineDep, flt: FilterDep, kind: Annotated[str | None, Query(
        pattern="^(person|organization|country)$")] = None, actor_country: Text = None,
        limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Actors of the matching events with their event counts and roles, busiest first."""
    items, total = page_actors(engine, flt, kind, actor_country, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/actors/{actor_id:path}", tags=["actors"])
def get_actor(request: Request, engine: EngineDep, actor_id: str) -> Any:
    """One actor: roles over time, counterparts (with shared event counts and types), events (newest first).
    An actor merged into another answers 308, redirecting to the surviving actor."""
    if (survivor := surviving_actor(engine, actor_id)) is not None:
        return RedirectResponse(moved_actor_url(request, "/api/actors/", survivor), status_code=308)
    found = actor_detail(engine, actor_id)
    if found is None:
        raise HTTPException(404, f"no actor {actor_id!r}")
    return found


@router.get("/network", tags=["actors"])
def get_network(engine: EngineDep, flt: FilterDep, min_weight: Annotated[int, Query(ge=1)] = 1,
                max_nodes: Annotated[int, Query(ge=1, le=1000)] = 150) -> dict[str, Any]:
    """The actor network of the matching events: nodes and weighted edges (weight = shared events)."""
    return network(engine, flt, min_weight, max_nodes)


# -- aggregates and search ----------------------------------------------------------------------------


@router.get("/timeline", tags=["aggregates"])
def get_timeline(engine: EngineDep, flt: FilterDep) -> list[dict[str, Any]]:
    """Counts per month of the matching events, by type and by topic (e.g. ?pair=VN,RU)."""
    return timeline(engine, flt)


@router.get("/pairs", tags=["aggregates"])
def get_pairs(engine: EngineDep, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    """Country pairs with the most shared events, busiest first: `{items: [{pair, events}], total, limit,
    offset}` (`total`: pairs with at least one event)."""
    ranked = top_pairs(engine, offset + limit)
    return {"items": ranked[offset:offset + limit], "total": count_pairs(engine), "limit": limit, "offset": offset}


@router.get("/search", tags=["documents"])
def search(engine: EngineDep, q: Annotated[str, Query(min_length=1, max_length=300)],
           limit: Annotated[int, Query(ge=1, le=200)] = 20, offset: Offset = 0,
           lang: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")] = None,
           year: Annotated[str | None, Query(pattern=r"^(\d{4}|undated)$")] = None) -> dict[str, Any]:
    """Documents matching the words (all must match; "quoted phrases" kept) or naming the entity the query
    names, in any spelling or script, through the knowledge base ("Lavrov" finds "Лавров").

    `{items: [{id, title, date, lang, match: words|entity, snippet}], total, limit, offset, facets}`; facets
    count all matches by `lang`, `year` (of the document date) and `match`, before the lang/year filters."""
    return search_entities_and_words(engine, q, limit, offset, lang, year).as_dict()


# -- documents ----------------------------------------------------------------------------------------


@router.get("/documents", tags=["documents"])
def get_documents(engine: EngineDep, limit: Limit = 50, offset: Offset = 0, lang: Text = None) -> dict[str, Any]:
    """Stored documents (metadata only), newest first."""
    return list_documents(engine, limit, offset, lang)


@router.get("/documents/{doc_id:path}", tags=["documents"])
def get_document(engine: EngineDep, doc_id: str) -> dict[str, Any]:
    """One document: metadata, the cleaned text evidence offsets refer to, its events with their evidence."""
    found = document_detail(engine, doc_id)
    if found is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return dict(found, source=public_source(found.get("source")))


# -- stories ------------------------------------------------------------------------------------------


@router.get("/stories", tags=["documents"])
def get_stories(engine: EngineDep, limit: Limit = 50, offset: Offset = 0,
                lang: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")] = None,
                min_documents: Annotated[int, Query(ge=1, le=10_000)] = 1) -> dict[str, Any]:
    """Stories: articles about the same story in any language, grouped at ingest (most recently seen first).
    Each with its first and last day, its number of documents, languages and outlets."""
    page = page_stories(engine, limit, offset, min_documents, lang)
    next_offset = offset + limit if offset + limit < page.total else None
    return {"total": page.total, "limit": limit, "offset": offset, "next_offset": next_offset,
            "items": [s.as_dict() for s in page.items]}


@router.get("/stories/{story_id}", tags=["documents"])
def get_story(engine: EngineDep, story_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    """One story: its documents in the order seen (each with the document and score that joined it to the
    story) and the merged events reported in them."""
    found = story_detail(engine, story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return found.as_dict()


@router.post("/documents", tags=["documents"], dependencies=[Depends(require_token)])
def post_documents(engine: EngineDep, body: DocumentsIn,
                   doc_date: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
                   lang: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")] = None) -> dict[str, Any]:
    """Ingest one document or a list (at most 1,000; 2 MB per request), incrementally: an unchanged
    document is skipped. A document without an id gets one from its text."""
    if doc_date is not None and iso_date(doc_date) != doc_date:
        raise HTTPException(400, f"doc_date {doc_date!r}: expected YYYY-MM-DD, a real date")
    if lang is not None and not is_language_code(lang):
        raise HTTPException(400, f"lang {lang!r}: not an ISO 639 language code (e.g. ru, vi, de)")
    docs = body if isinstance(body, list) else [body]
    problems: list[str] = []
    items = [jsonl_document(_as_jsonl(d), n, "api", None) for n, d in enumerate(docs, 1)]
    stats = ingest_items(engine, items, Options(doc_date=doc_date, lang=lang), problems.append)
    return {"new": stats.new, "changed": stats.changed, "unchanged": stats.unchanged, "already": stats.already,
            "failed": stats.failed,
            "input_errors": stats.input_errors, "events": stats.events, "problems": problems,
            "undated": stats.undated,
            "ids": [getattr(item, "id", None) for item in items]}


def _as_jsonl(doc: DocumentIn) -> bytes:
    """The document as one input line; without an id, a stable one from its text (never a line number,
    which would collide between requests)."""
    data = doc.model_dump(exclude_none=True)
    data.setdefault("id", "api:" + hashlib.sha256(doc.text.encode()).hexdigest()[:16])
    return json.dumps(data, ensure_ascii=False).encode()


# -- corrections --------------------------------------------------------------------------------------


@router.get("/corrections", tags=["corrections"])
def get_corrections(engine: EngineDep, target: Text = None) -> list[dict[str, Any]]:
    """The audit trail of corrections, oldest first (optionally of one event or actor)."""
    return history(engine, target)


@router.post("/corrections", tags=["corrections"], dependencies=[Depends(require_token)])
def post_correction(engine: EngineDep, body: EventCorrectionIn) -> dict[str, Any]:
    """Correct one event (fields as `communique correct --set`, or reject it); returns the corrected event."""
    assignments = [parse_assignment(f"{name}={value}") for name, value in sorted(body.set.items())]
    if event_detail(engine, body.event, 0) is None:
        raise HTTPException(404, f"no event {body.event!r}")
    merged_id = correct_event(engine, body.event, assignments, body.reject, body.by or "api", body.note)
    return {"event": event_detail(engine, merged_id, 0)}


@router.post("/corrections/split", tags=["corrections"], dependencies=[Depends(require_token)])
def post_split(engine: EngineDep, body: SplitIn) -> dict[str, Any]:
    """Take one report out of a wrong merge; it stays apart from the others' reports after reprocessing."""
    left, now = split_report(engine, body.report, body.by or "api", body.note)
    return {"report": body.report, "left": left, "now": now}


@router.post("/corrections/actor-merge", tags=["corrections"], dependencies=[Depends(require_token)])
def post_actor_merge(engine: EngineDep, body: ActorMergeIn) -> dict[str, Any]:
    """Show actor `absorb` as `keep` everywhere from now on."""
    merge_actors(engine, body.keep, body.absorb, body.by or "api", body.note)
    return {"merged": body.absorb, "into": body.keep}


@router.post("/corrections/actor-rename", tags=["corrections"], dependencies=[Depends(require_token)])
def post_actor_rename(engine: EngineDep, body: ActorRenameIn) -> dict[str, Any]:
    """Give an actor a new canonical name."""
    rename_actor(engine, body.actor, body.name, body.by or "api", body.note)
    return {"actor": body.actor, "name": body.name}
