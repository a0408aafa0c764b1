"""Document search by words and by entity, one page at a time, with facet counts.

A query's words are matched in the full text (SQLite FTS5; PostgreSQL to_tsvector('simple')). An
entity search adds what the caller resolved the query to (`Entities`: stored actor ids and the names
of those actors in every language and script, from the knowledge base): documents that mention any of
the names (the last word of each name as a prefix, so inflected forms match: "Лавров" finds
"Лаврова") and documents with an event the actor takes part in. The store does not read the knowledge
base itself: the names come from the caller (communique.serving).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, func, select, text

from communique.store.queries import _fts5_query
from communique.store.schema import documents, event_actor, events

MIN_PREFIX = 4  # a shorter word ("ЕС", "To") is matched whole: as a prefix it would match too much
MAX_NAMES = 200  # names of the resolved entities used in one query
UNDATED = "undated"
FACETS = ("lang", "year", "match")


@dataclass(frozen=True, slots=True)
class Entities:
    """What a query names: stored actor ids and the names to look for in the text (any script)."""

    ids: tuple[str, ...] = ()
    names: tuple[str, ...] = ()


@dataclass(slots=True)
class SearchPage:
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"items": self.items, "total": self.total, "limit": self.limit, "offset": self.offset,
                "facets": self.facets}


def search_page(engine: Engine, query: str, entities: Entities | None = None, limit: int = 20, offset: int = 0,
                lang: str | None = None, year: str | None = None) -> SearchPage:
    """Documents matching the words of `query` or naming one of `entities`, newest first, filtered by
    language and year (of the document date; "undated"), with the count of each facet value over all
    matches (before the language and year filters, so every choice shows what it would give)."""
    entities = entities or Entities()
    with engine.connect() as conn:
        words, by_name, by_event = _matching_ids(conn, query, entities)
        hits = {doc_id: "words" for doc_id in words}
        for doc_id in by_name | by_event:
            hits.setdefault(doc_id, "entity")
        rows = _documents(conn, sorted(hits))
    for row in rows:
        row["match"] = hits[row["id"]]
    facets = {name: _facet(rows, name) for name in FACETS}
    kept = [r for r in rows if (not lang or r["lang"] == lang) and (not year or r["year"] == year)]
    kept.sort(key=lambda r: (r["date"] is None, _descending(r["date"] or ""), r["id"]))
    window = kept[offset:offset + limit]
    with engine.connect() as conn:
        snippets = _snippets(conn, query, entities, [r["id"] for r in window])
    items = [{"id": r["id"], "title": r["title"], "date": r["date"], "lang": r["lang"], "match": r["match"],
              "snippet": snippets.get(r["id"]) or r["head"]} for r in window]
    return SearchPage(items, len(kept), limit, offset, facets)


def _descending(value: str) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in value)


def _facet(rows: list[dict[str, Any]], name: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows:
        value = str(row[name] or "und")
        counts[value] = counts.get(value, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _matching_ids(conn: Connection, query: str, entities: Entities) -> tuple[set[str], set[str], set[str]]:
    """(documents matching the words, documents naming an entity, documents with an event of one)."""
    words = set(_text_ids(conn, word_query(conn.dialect.name, query)))
    by_name = set(_text_ids(conn, names_query(conn.dialect.name, entities.names))) if entities.names else set()
    by_event: set[str] = set()
    ids = list(entities.ids)
    for i in range(0, len(ids), 500):
        joined = events.join(event_actor, event_actor.c.event_id == events.c.id)
        statement = select(events.c.doc_id).distinct().select_from(joined) \
            .where(event_actor.c.actor_id.in_(ids[i:i + 500]))
        by_event.update(conn.execute(statement).scalars())
    return words, by_name, by_event


def word_query(dialect: str, query: str) -> str:
    """All words of the query must match (quoted phrases kept); as the dialect's query text."""
    if dialect == "sqlite":
        return _fts5_query(query)
    return " & ".join(_ts_terms(query, prefix=False))


def names_query(dialect: str, names: tuple[str, ...]) -> str:
    """Any of the names, each as a phrase whose last word may go on ("Лавров" -> Лаврова, Лавровым)."""
    parts = []
    for name in names[:MAX_NAMES]:
        tokens = re.findall(r"\w+", name)
        if not tokens:
            continue
        last_prefix = len(tokens[-1]) >= MIN_PREFIX
        if dialect == "sqlite":
            parts.append('"' + " ".join(tokens) + '"' + ("*" if last_prefix else ""))
        else:
            terms = tokens[:-1] + [tokens[-1] + (":*" if last_prefix else "")]
            parts.append("(" + " <-> ".join(terms) + ")")
    return (" OR " if dialect == "sqlite" else " | ").join(parts)


def _ts_terms(query: str, prefix: bool) -> list[str]:
    return [t + (":*" if prefix else "") for t in re.findall(r"\w+", query)]


def _text_ids(conn: Connection, match: str) -> list[str]:
    if not match:
        return []
    if conn.dialect.name == "sqlite":
        return list(conn.execute(text("SELECT doc_id FROM docs_fts WHERE docs_fts MATCH :q"), {"q": match}).scalars())
    return list(conn.execute(text(
        "SELECT id FROM documents WHERE to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(text, '')) "
        "@@ to_tsquery('simple', :q)"), {"q": match}).scalars())


def _documents(conn: Connection, ids: list[str]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    d = documents.c
    for i in range(0, len(ids), 500):
        query = select(d.id, d.title, d.date, d.lang, func.substr(d.text, 1, 160).label("head")) \
            .where(d.id.in_(ids[i:i + 500]))
        for r in conn.execute(query):
            year = r.date[:4] if r.date and r.date[:4].isdigit() else UNDATED
            rows.append({"id": r.id, "title": r.title, "date": r.date, "lang": r.lang, "year": year,
                         "head": " ".join((r.head or "").split())})
    return rows


def _snippets(conn: Connection, query: str, entities: Entities, ids: list[str]) -> dict[str, str]:
    """The matching words marked [like this] in each document of the page (SQLite; PostgreSQL: none)."""
    if not ids or conn.dialect.name != "sqlite":
        return {}
    match = " OR ".join(f"({q})" for q in (_fts5_query(query), names_query("sqlite", entities.names)) if q)
    if not match:
        return {}
    statement = text("SELECT doc_id, snippet(docs_fts, 2, '[', ']', '…', 12) AS snippet FROM docs_fts "
                     "WHERE docs_fts MATCH :q AND doc_id IN :ids").bindparams(bindparam("ids", expanding=True))
    rows = conn.execute(statement, {"q": match, "ids": ids})
    return {r.doc_id: r.snippet for r in rows}
