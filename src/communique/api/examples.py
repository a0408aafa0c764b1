"""Examples and parameter descriptions for the OpenAPI spec (/openapi.json, /docs): every path carries an
example response and every parameter a description (tests/api/test_openapi_examples.py checks it).

The workbench routes give their examples where they are declared (`responses=json_example(...)`); the
routes of routes.py get theirs here, by path, when the spec is built (`complete_openapi`), so that the
examples live in one place and the route code stays short."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

EVENT_EXAMPLE: dict[str, Any] = {
    "id": "evt_5f1c2a9d0b7e", "type": "CONSULT", "mode": "meet", "label": "political consultations",
    "status": "occurred", "background": False, "confidence": 0.91,
    "date": {"start": "2025-02-21", "end": None, "precision": "day"},
    "location": {"name": "Hanoi", "country": "VN"},
    "actors": [{"id": "Q7747", "name": "Vladimir Putin", "kind": "person", "country": "RU", "role": "president"},
               {"id": "Q10800617", "name": "To Lam", "kind": "person", "country": "VN", "role": None}],
    "topics": ["energy"], "agreements": [],
    "sources": [{"doc": "vov-2025-02-22-1", "lang": "en",
                 "evidence": [{"field": "trigger", "start": 0, "end": 23, "text": "Political consultations"}]}],
}
STORY_EXAMPLE = {"id": "story_f8129f23f0ae277e", "title": "Germans wary of opening borders for holidays",
                 "first_seen": "2020-05-20", "last_seen": "2020-05-21", "n_documents": 2, "languages": ["de", "en"],
                 "outlets": ["dw.com", "euobserver.com"]}
PAGE_EXAMPLE = {"total": 20, "limit": 50, "offset": 0, "sort": "-date", "next_offset": None, "items": [EVENT_EXAMPLE]}
ACTOR_EXAMPLE = {"id": "Q7747", "name": "Vladimir Putin", "kind": "person", "country": "RU", "events": 14,
                 "roles": ["president"]}
PULSE_EXAMPLE = {
    "classes": [{"name": "verbal_cooperation", "label": "Verbal cooperation", "side": "cooperation", "weight": 1,
                 "types": ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"]}],
    "months": [{"month": "2025-02", "counts": {"verbal_cooperation": 5, "material_cooperation": 1,
                                               "verbal_conflict": 0, "material_conflict": 0},
                "total": 6, "net": 7, "net_share": 1.0}],
    "undated": {"month": "undated", "counts": {"verbal_cooperation": 1, "material_cooperation": 0,
                                               "verbal_conflict": 0, "material_conflict": 0},
                "total": 1, "net": 1, "net_share": 1.0},
    "totals": {"verbal_cooperation": 5, "material_cooperation": 1, "verbal_conflict": 0, "material_conflict": 0},
    "net": 8}
MAP_EXAMPLE = {"outline": "/static/world-110m.svg", "width": 1000, "height": 394.4,
               "points": [{"country": "RU", "name": "Russia", "x": 775.6, "y": 62.0, "events": 20,
                           "actors": [{"id": "Q7747", "name": "Vladimir Putin", "kind": "person", "events": 9}]}],
               "unplaced": {}, "capped": False, "scanned": 20}
EXPORT_EXAMPLE = ("id,type,mode,label,status,background,date_start,…\n"
                  "evt_5f1c2a9d0b7e,CONSULT,meet,political consultations,…\n")
WATCHLISTS_EXAMPLE = {"file": "watchlists.yaml", "items": [{"name": "vn-ru", "pairs": ["VN,RU"], "types": ["CONSULT"]}]}
WATCHLIST_EXAMPLE = {"entry": {"name": "vn-ru", "pairs": ["VN,RU"], "types": ["CONSULT"]},
                     "alerts": [{"event": "evt_5f1c2a9d0b7e", "channel": "jsonl", "sent_at": "2025-02-22T08:00:00Z",
                                 "material": {"type": "CONSULT", "date": "2025-02-21"}}],
                     "matches": [{"event": EVENT_EXAMPLE, "matched": ["pair VN,RU", "type CONSULT"],
                                  "summary": "CONSULT 2025-02-21 Vladimir Putin; To Lam (Hanoi, VN): consultations"}]}

# Responses of the routes in routes.py, by (method, path).
RESPONSES: dict[tuple[str, str], Any] = {
    ("get", "/api/events"): PAGE_EXAMPLE,
    ("get", "/api/events/{event_id}"): {**EVENT_EXAMPLE, "sources": [{
        **EVENT_EXAMPLE["sources"][0], "title": "Russia and Vietnam held consultations", "url": "https://example.org/a",
        "context": {"text": "Political consultations were held in Hanoi on 21 February…",
                    "marks": [{"field": "trigger", "start": 0, "end": 23}]}}]},
    ("get", "/api/actors"): {"total": 1, "limit": 100, "offset": 0, "items": [ACTOR_EXAMPLE]},
    ("get", "/api/actors/{actor_id}"): {**ACTOR_EXAMPLE, "counterparts": [
        {"id": "Q10800617", "name": "To Lam", "events": 3, "types": {"CONSULT": 3}}], "events": [EVENT_EXAMPLE]},
    ("get", "/api/network"): {"nodes": [ACTOR_EXAMPLE], "edges": [
        {"source": "Q10800617", "target": "Q7747", "weight": 3, "types": {"CONSULT": 3}}]},
    ("get", "/api/timeline"): [{"month": "2025-02", "events": 6, "types": {"CONSULT": 5, "AID": 1},
                                "topics": {"energy": 2}}],
    ("get", "/api/pairs"): {"items": [{"pair": "RU,VN", "events": 20}], "total": 1, "limit": 20, "offset": 0},
    ("get", "/api/search"): {"items": [{"id": "vov-2025-02-22-1", "title": "Russia and Vietnam held consultations",
                                        "lang": "en", "date": "2025-02-22",
                                        "match": "words", "snippet": "…held political [consultations]…"}],
                             "total": 1, "limit": 20, "offset": 0, "total_exact": True,
                             "facets": {"lang": {"en": 1}, "year": {"2025": 1}, "match": {"words": 1}}},
    ("get", "/api/documents"): {"total": 1, "limit": 50, "offset": 0, "items": [
        {"id": "vov-2025-02-22-1", "title": "Russia and Vietnam held consultations", "url": "https://example.org/a",
         "date": "2025-02-22", "lang": "en"}]},
    ("get", "/api/documents/{doc_id}"): {"id": "vov-2025-02-22-1", "title": "…", "url": "https://example.org/a",
                                         "date": "2025-02-22", "lang": "en", "story": "story_f8129f23f0ae277e",
                                         "text": "Political consultations were held in Hanoi on 21 February…",
                                         "events": [EVENT_EXAMPLE]},
    ("get", "/api/stories"): {"total": 1, "limit": 50, "offset": 0, "next_offset": None, "items": [STORY_EXAMPLE]},
    ("get", "/api/stories/{story_id}"): {**STORY_EXAMPLE, "documents": [
        {"id": "dw-2020-05-20-1", "title": "Germans wary of opening borders for holidays", "lang": "de",
         "date": "2020-05-20", "day": "2020-05-20", "url": "https://www.dw.com/a", "outlet": "dw.com",
         "joined_via": None, "score": None},
        {"id": "euobs-2020-05-21-3", "title": "Germany casts doubt on summer travel", "lang": "en",
         "date": "2020-05-21", "day": "2020-05-21", "url": "https://euobserver.com/b", "outlet": "euobserver.com",
         "joined_via": "dw-2020-05-20-1", "score": 1.43}],
        "events": [{"id": "evt_5f1c2a9d0b7e", "type": "CONSULT", "date": "2020-05-20", "n_sources": 2,
                    "summary": "CONSULT: Heiko Maas, Luigi Di Maio"}]},
    ("post", "/api/documents"): {"new": 1, "changed": 0, "unchanged": 0, "failed": 0, "input_errors": 0,
                                 "events": 2, "problems": [], "ids": ["vov-2025-02-22-1"]},
    ("get", "/api/corrections"): [{"target_kind": "event", "target_id": "evt_5f1c2a9d0b7e", "field": "date",
                                   "value": "2025-02-21", "old_value": "2025-02", "by": "analyst",
                                   "at": "2025-02-23T10:00:00Z", "note": "date from the dateline"}],
    ("post", "/api/corrections"): {"event": EVENT_EXAMPLE},
    ("post", "/api/corrections/split"): {"report": "evt_0c4e7a1b9d2f", "left": "evt_5f1c2a9d0b7e",
                                         "now": "evt_0c4e7a1b9d2f"},
    ("post", "/api/corrections/actor-merge"): {"merged": "Q123456", "into": "Q7747"},
    ("post", "/api/corrections/actor-rename"): {"actor": "Q7747", "name": "Vladimir Putin"},
    ("post", "/api/watchlists"): {"saved": "vn-ru", "watchlists": ["vn-ru"]},
    ("put", "/api/watchlists/{name}"): {"saved": "vn-ru", "watchlists": ["vn-ru"]},
    ("delete", "/api/watchlists/{name}"): {"deleted": "vn-ru", "watchlists": []},
    ("get", "/api/pulse/events"): PAGE_EXAMPLE,
}

# Descriptions of parameters declared without one (the filters of routes.py and the paging).
PARAMETERS: dict[str, str] = {
    "actor": "An actor id (e.g. Q7747) or part of a name, any script.",
    "country": "A participant's (or the location's) country, ISO 3166 alpha-2 (e.g. VN).",
    "pair": "Two countries both among the participants, e.g. VN,RU.",
    "type": "A PLOVER event type, e.g. CONSULT.",
    "mode": "The event's mode, e.g. meet, visit, phone.",
    "topic": "A topic, e.g. energy.",
    "since": "Events that end on or after this day: YYYY, YYYY-MM or YYYY-MM-DD.",
    "until": "Events that start on or before this day: YYYY, YYYY-MM or YYYY-MM-DD.",
    "lang": "A source in this language (ISO 639 code, e.g. ru).",
    "year": "Documents dated in this year (YYYY), or `undated`.",
    "text": "Words in a source document (full-text search).",
    "limit": "At most this many items.",
    "offset": "Skip this many items (paging; `next_offset` gives the next page).",
    "sort": "date, -date, confidence or -confidence (- = descending).",
    "event_id": "A merged event id (evt_…) or the id of one report of it.",
    "context": "Characters of document text around the evidence.",
    "actor_id": "An actor id, e.g. Q7747 (an absorbed id redirects to the surviving actor).",
    "kind": "person, organization or country.",
    "actor_country": "The actors' own country (ISO alpha-2).",
    "min_weight": "Edges with at least this many shared events.",
    "max_nodes": "The busiest actors kept.",
    "q": "Words to find (all must match; \"quoted phrases\" kept).",
    "doc_id": "A stored document id.",
    "story_id": "A story id (story_…).",
    "min_documents": "Stories of at least this many documents (2: only stories told more than once).",
    "doc_date": "The publication date for documents that do not carry one (YYYY-MM-DD).",
    "target": "An event or actor id: only its corrections.",
    "name": "A watchlist name.",
    "min_confidence": "Only events at or above this confidence (0 to 1).",
    "format": "The file format.",
    "with": "With `actor`: the pulse of that pair of actors (an actor id).",
}


def json_example(example: Any) -> dict[int | str, dict[str, Any]]:
    """`responses=` of a route: its 200 answer with an example."""
    return {200: {"content": {"application/json": {"example": example}}}}


def complete_openapi(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with an example on every 2xx answer that has none, and a description on every parameter."""
    for path, methods in spec.get("paths", {}).items():
        for method, operation in methods.items():
            for param in operation.get("parameters", []):
                param.setdefault("description", PARAMETERS.get(param["name"], param["name"]))
            example = RESPONSES.get((method, path))
            for status, answer in operation.get("responses", {}).items():
                if not str(status).startswith("2"):
                    continue
                for media in answer.setdefault("content", {"application/json": {}}).values():
                    if "example" not in media and "examples" not in media and example is not None:
                        media["example"] = example
    return spec


def install(app: Any) -> None:
    """Make `app.openapi()` return the completed spec (built once, as FastAPI does)."""
    build: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = complete_openapi(build())
        return app.openapi_schema

    app.openapi = openapi
