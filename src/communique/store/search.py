"""Document search by words and by entity, one page at a time, with facet counts.

A query's words are matched in the full text (SQLite FTS5; PostgreSQL to_tsvector('simple')). An
entity search adds what the caller resolved the query to (`Entities`: stored actor ids and the names
of those actors in every language and script, from the knowledge base): documents that mention any of
the names (the last word of each name as a prefix, so inflected forms match: "Лавров" finds
"Лаврова") and documents with an event the actor takes part in. The store does not read the knowledge
base itself: the names come from the caller (communique.serving).

A query is answered exactly up to `MAX_MATCHES` documents from each source (words, names, events): past
that, each source gives its most recently stored documents, the total is a lower bound and the page says
so (`total_exact` false), as Elasticsearch's `track_total_hits` does. This keeps a search for a common
word or a leader's name on a store of a million events in milliseconds instead of seconds: the cost is
bounded by the cap, not by how often the name occurs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, func, select, text

from communique.store.queries import _fts5_query
from communique.store.schema import documents

MIN_PREFIX = 4  # a shorter word ("ЕС", "To") is matched whole: as a prefix it would match too much
MAX_NAMES = 200  # names of the resolved entities used in one query
UNDATED = "undated"
FACETS = ("lang", "year", "match")
MAX_MATCHES = 5_000  # documents read from each source at most (the most recently stored)


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
    total_exact: bool = True  # False: a source had more than MAX_MATCHES matches; total and facets are lower bounds

    def as_dict(self) -> dict[str, Any]:
        return {"items": self.items, "total": self.total, "limit": self.limit, "offset": self.offset,
                "facets": self.facets, "total_exact": self.total_exact}


def search_page(engine: Engine, query: str, entities: Entities | None = None, limit: int = 20, offset: int = 0,
                lang: str | None = None, year: str | None = None) -> SearchPage:
    """Documents matching the words of `query` or naming one of `entities`, newest first, filtered by
    language and year (of the document date; "undated"), with the count of each facet value over all
    matches (before the language and year filters, so every choice shows what it would give). Past
    `MAX_MATCHES` matches of one source, its most recently stored ones (see the module's note)."""
    entities = entities or Entities()
    with engine.connect() as conn:
        (words, by_name, by_event), exact = _matches(conn, query, entities)
    hits: dict[str, Hit] = {m.doc_id: Hit(m.date, m.lang, "words", m.text_row) for m in words}
    for m in by_name + by_event:
        known = hits.get(m.doc_id)
        if known is None:
            hits[m.doc_id] = Hit(m.date, m.lang, "entity", m.text_row)
        elif known.text_row is None and m.text_row is not None:
            hits[m.doc_id] = Hit(known.date, known.lang, known.match, m.text_row)
    facets = _facets(hits.values())
    kept = [doc_id for doc_id, hit in hits.items()
            if (not lang or hit.lang == lang) and (not year or hit.year == year)]
    kept.sort()
    kept.sort(key=lambda doc_id: _newest_first(hits[doc_id].date))  # stable: ties stay in id order
    window = kept[offset:offset + limit]
    with engine.connect() as conn:
        heads = _titles_and_heads(conn, window)
        text_rows = {row: doc_id for doc_id in window if (row := hits[doc_id].text_row) is not None}
        snippets = _snippets(conn, query, entities, text_rows)
    # a document removed between the two reads (another writer) is still listed, without its title
    heads = {doc_id: heads.get(doc_id, (None, "")) for doc_id in window}
    items = [{"id": doc_id, "title": heads[doc_id][0], "date": hits[doc_id].date, "lang": hits[doc_id].lang,
              "match": hits[doc_id].match, "snippet": snippets.get(doc_id) or heads[doc_id][1]} for doc_id in window]
    return SearchPage(items, len(kept), limit, offset, facets, exact)


@dataclass(frozen=True, slots=True)
class Match:
    """A matching document as a source query returns it."""

    doc_id: str
    date: str | None
    lang: str | None
    text_row: int | None = None  # its row in the full-text index (SQLite), when the text matched


@dataclass(frozen=True, slots=True)
class Hit:
    """A matching document: its date and language (the facets and the order) and how it was found."""

    date: str | None
    lang: str | None
    match: str
    text_row: int | None = None

    @property
    def year(self) -> str:
        return self.date[:4] if self.date and self.date[:4].isdigit() else UNDATED


# Dates are ASCII; each character mapped to its complement, so an ascending sort of the mapped text is a
# descending sort of the dates in which a shorter date ("2025") still comes before its longer forms.
_COMPLEMENT = {code: 0xFFFF - code for code in range(128)}


def _newest_first(date: str | None) -> tuple[bool, str]:
    return date is None, (date or "").translate(_COMPLEMENT)


def _facets(hits: Iterable[Hit]) -> dict[str, dict[str, int]]:
    counts: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
    for hit in hits:
        counts["lang"][hit.lang or "und"] += 1
        counts["year"][hit.year] += 1
        counts["match"][hit.match] += 1
    return {name: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for name, c in counts.items()}


def _matches(conn: Connection, query: str,
             entities: Entities) -> tuple[tuple[list[Match], list[Match], list[Match]], bool]:
    """(documents matching the words, documents naming an entity, documents with an event of one), each at
    most MAX_MATCHES, and whether none of them was cut there."""
    words = _text_matches(conn, word_query(conn.dialect.name, query))
    by_name = _text_matches(conn, names_query(conn.dialect.name, entities.names)) if entities.names else []
    by_event, event_cut = _event_matches(conn, entities.ids)
    exact = len(words) < MAX_MATCHES and len(by_name) < MAX_MATCHES and not event_cut
    return (words, by_name, by_event), exact


def _event_matches(conn: Connection, actor_ids: tuple[str, ...]) -> tuple[list[Match], bool]:
    """Documents with an event of one of the actors (each actor's MAX_MATCHES most recently stored event
    rows), and whether an actor had more."""
    found: list[Match] = []
    cut = False
    for actor_id in actor_ids:
        # SQLite: the actor_id index walks its rows in rowid (storing) order, no sort
        order = "ea.rowid DESC" if conn.dialect.name == "sqlite" else "d.seq DESC"
        statement = text("SELECT d.id, d.date, d.lang FROM event_actor ea JOIN events e ON e.id = ea.event_id "
                         f"JOIN documents d ON d.id = e.doc_id WHERE ea.actor_id = :a ORDER BY {order} LIMIT :n")
        rows = conn.execute(statement, {"a": actor_id, "n": MAX_MATCHES}).all()
        cut = cut or len(rows) >= MAX_MATCHES
        found += [Match(*row) for row in rows]
    return found, cut


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


def _text_matches(conn: Connection, match: str) -> list[Match]:
    """Documents whose text matches: the MAX_MATCHES most recently stored at most."""
    if not match:
        return []
    if conn.dialect.name == "sqlite":  # FTS5 walks its rowids (the documents' seq) backwards without sorting
        statement = text("SELECT d.id, d.date, d.lang, f.rowid FROM docs_fts f JOIN documents d ON d.id = f.doc_id "
                         "WHERE docs_fts MATCH :q ORDER BY f.rowid DESC LIMIT :n")
    else:
        statement = text("SELECT id, date, lang FROM documents WHERE to_tsvector('simple', coalesce(title, '') "
                         "|| ' ' || coalesce(text, '')) @@ to_tsquery('simple', :q) ORDER BY seq DESC LIMIT :n")
    return [Match(*row) for row in conn.execute(statement, {"q": match, "n": MAX_MATCHES})]


def _titles_and_heads(conn: Connection, ids: list[str]) -> dict[str, tuple[str | None, str]]:
    """Each document's title and the start of its text (one page of them)."""
    if not ids:
        return {}
    d = documents.c
    query = select(d.id, d.title, func.substr(d.text, 1, 160).label("head")).where(d.id.in_(ids))
    return {r.id: (r.title, " ".join((r.head or "").split())) for r in conn.execute(query)}


def _snippets(conn: Connection, query: str, entities: Entities, rows: dict[int, str]) -> dict[str, str]:
    """The matching words marked [like this] in each document of the page whose text matched, by its row
    in the full-text index (SQLite; PostgreSQL: none). By row, not by document id: the index looks a row
    up directly, while a document id would be compared with every match of the query."""
    if not rows or conn.dialect.name != "sqlite":
        return {}
    match = " OR ".join(f"({q})" for q in (_fts5_query(query), names_query("sqlite", entities.names)) if q)
    if not match:
        return {}
    statement = text("SELECT rowid, snippet(docs_fts, 2, '[', ']', '…', 12) AS snippet FROM docs_fts "
                     "WHERE docs_fts MATCH :q AND rowid IN :rows").bindparams(bindparam("rows", expanding=True))
    found = conn.execute(statement, {"q": match, "rows": sorted(rows)})
    return {rows[r.rowid]: r.snippet for r in found}
