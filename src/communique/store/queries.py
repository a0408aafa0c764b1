"""Queries over the store: merged events (with corrections applied), actors, timelines, full text.

Filters run in two steps: a loose SQL pre-filter on indexed columns (always letting corrected events
through, since a correction may change what matches), then the exact filter on the corrected record.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, and_, func, or_, select, text
from sqlalchemy.sql.elements import ColumnElement

from communique.merge import explain
from communique.merge.keys import parse_date
from communique.store.corrections import Corrections, load_corrections, resolve_event_id
from communique.store.schema import documents, event_actor, events, merged_events


@dataclass(frozen=True, slots=True)
class EventFilter:
    actor: str | None = None  # an actor id, or a substring of a name
    country: str | None = None  # a participant's (or the location's) country
    pair: tuple[str, str] | None = None  # both countries among the participants
    type: str | None = None
    mode: str | None = None
    topic: str | None = None
    since: str | None = None  # YYYY[-MM[-DD]]: events that end on or after
    until: str | None = None  # YYYY[-MM[-DD]]: events that start on or before
    lang: str | None = None  # a source in this language
    text: str | None = None  # full text of a source document
    include_rejected: bool = False


def query_events(engine: Engine, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Merged event records in the contract form (sources from every document), oldest first."""
    flt = flt or EventFilter()
    with engine.connect() as conn:
        corr = load_corrections(conn)
        docs = set(_matching_doc_ids(conn, flt.text)) if flt.text else None
        query = select(merged_events.c.id, merged_events.c.record)
        conds = _prefilter(conn, flt, corr, docs)
        if conds:
            loose = and_(*conds)
            query = query.where(or_(loose, merged_events.c.id.in_(corr.event_ids)) if corr.event_ids else loose)
        rows = conn.execute(query).all()
    records = []
    for row in rows:
        rec = corr.apply(json.loads(row.record))
        if rec.get("rejected") and not flt.include_rejected:
            continue
        if matches(rec, flt, docs):
            records.append(rec)
    records.sort(key=lambda r: ((r.get("date") or {}).get("start") or "9999", r["id"]))
    return records


def _prefilter(conn: Connection, flt: EventFilter, corr: Corrections,
               docs: set[str] | None) -> list[ColumnElement[bool]]:
    m = merged_events.c
    conds: list[ColumnElement[bool]] = []
    if flt.type:
        conds.append(m.type == flt.type.upper())
    if flt.mode:
        conds.append(m.mode == flt.mode.lower())
    since, until = _bounds(flt.since, flt.until)
    if since:
        conds.append(m.date_hi >= since.isoformat())
    if until:
        conds.append(m.date_lo <= until.isoformat())
    if flt.country:
        cc = flt.country.upper()
        conds.append(or_(m.countries.like(f"%,{cc},%"), m.record.like(f'%"{cc}"%')))
    if flt.pair:
        conds.extend(m.countries.like(f"%,{cc.upper()},%") for cc in flt.pair)
    if flt.topic:
        conds.append(m.record.like(f'%"{flt.topic}"%'))
    if flt.lang:
        conds.append(m.id.in_(select(events.c.merged_id).where(events.c.lang == flt.lang.lower())))
    if flt.actor and not corr.touches_actors:
        needle = f"%{flt.actor.lower()}%"
        actors = select(events.c.merged_id).join(event_actor, event_actor.c.event_id == events.c.id).where(
            or_(event_actor.c.actor_id == flt.actor, func.lower(event_actor.c.name).like(needle)))
        conds.append(m.id.in_(actors))
    if docs is not None:
        conds.append(m.id.in_(select(events.c.merged_id).where(events.c.doc_id.in_(sorted(docs)))))
    return conds


def _bounds(since: str | None, until: str | None) -> tuple[dt.date | None, dt.date | None]:
    lo = parse_date(since, None) if since else None
    hi = parse_date(until, None) if until else None
    return (lo[0] if lo else None), (hi[1] if hi else None)


def check_period(value: str | None, option: str) -> str | None:
    """A --since/--until value, validated (YYYY, YYYY-MM or YYYY-MM-DD)."""
    if value is not None and (not re.fullmatch(r"\d{4}(-\d{2}){0,2}", value) or parse_date(value, None) is None):
        from communique.store.db import StoreError

        raise StoreError(f"{option} {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD", usage=True)
    return value


def matches(rec: dict[str, Any], flt: EventFilter, docs: set[str] | None = None) -> bool:
    """The exact filter, on a corrected merged record."""
    actors = rec.get("actors") or []
    countries = {str(a.get("country")).upper() for a in actors if a.get("country")}
    location_country = ((rec.get("location") or {}).get("country") or "").upper()
    checks = [
        not flt.type or rec.get("type") == flt.type.upper(),
        not flt.mode or rec.get("mode") == flt.mode.lower(),
        not flt.topic or flt.topic in (rec.get("topics") or []),
        not flt.lang or any(s.get("lang") == flt.lang.lower() for s in rec.get("sources") or []),
        not flt.country or flt.country.upper() in countries or flt.country.upper() == location_country,
        not flt.pair or all(cc.upper() in countries for cc in flt.pair),
        not flt.actor or any(_actor_matches(a, flt.actor) for a in actors),
        docs is None or any(s.get("doc") in docs for s in rec.get("sources") or []),
        _in_period(rec, flt.since, flt.until),
    ]
    return all(checks)


def _actor_matches(actor: dict[str, Any], wanted: str) -> bool:
    return actor.get("id") == wanted or wanted.lower() in str(actor.get("name") or "").lower()


def _in_period(rec: dict[str, Any], since: str | None, until: str | None) -> bool:
    if not since and not until:
        return True
    lo_bound, hi_bound = _bounds(since, until)
    date = rec.get("date") or {}
    start = parse_date(date.get("start"), None)
    if start is None:
        return False
    end = parse_date(date.get("end"), None) if date.get("end") else None
    lo, hi = start[0], (end[1] if end else start[1])
    return (lo_bound is None or hi >= lo_bound) and (hi_bound is None or lo <= hi_bound)


def list_actors(engine: Engine, flt: EventFilter | None = None, kind: str | None = None,
                actor_country: str | None = None) -> list[dict[str, Any]]:
    """Actors of the matching events with how many (merged) events each took part in."""
    counts: Counter[str] = Counter()
    info: dict[str, dict[str, Any]] = {}
    roles: dict[str, set[str]] = defaultdict(set)
    for rec in query_events(engine, flt):
        for actor in rec.get("actors") or []:
            actor_id = str(actor.get("id"))
            counts[actor_id] += 1
            info.setdefault(actor_id, {"id": actor_id, "name": actor.get("name"), "kind": actor.get("kind"),
                                       "country": actor.get("country")})
            if actor.get("role"):
                roles[actor_id].add(str(actor["role"]))
    rows = []
    for actor_id, n in counts.items():
        row = dict(info[actor_id], events=n, roles=sorted(roles[actor_id]))
        if kind and row["kind"] != kind:
            continue
        if actor_country and str(row["country"] or "").upper() != actor_country.upper():
            continue
        rows.append(row)
    rows.sort(key=lambda r: (-r["events"], str(r["name"]), r["id"]))
    return rows


def timeline(engine: Engine, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Counts per month (by type and by topic) of the matching events; undated events last."""
    months: dict[str, dict[str, Any]] = {}
    for rec in query_events(engine, flt):
        start = (rec.get("date") or {}).get("start")
        parsed = parse_date(start, None)
        month = f"{parsed[0].year:04d}-{parsed[0].month:02d}" if parsed else "undated"
        row = months.setdefault(month, {"month": month, "events": 0, "types": Counter(), "topics": Counter()})
        row["events"] += 1
        row["types"][rec["type"]] += 1
        row["topics"].update(rec.get("topics") or [])
    out = []
    for month in sorted(months, key=lambda k: (k == "undated", k)):
        row = months[month]
        out.append({"month": month, "events": row["events"], "types": dict(sorted(row["types"].items())),
                    "topics": dict(sorted(row["topics"].items(), key=lambda kv: (-kv[1], kv[0])))})
    return out


def search_documents(engine: Engine, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Full-text search over stored documents (SQLite FTS5; PostgreSQL to_tsvector('simple'))."""
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            match = _fts5_query(query)
            if not match:
                return []
            rows = conn.execute(text(
                "SELECT f.doc_id AS id, d.title, d.date, d.lang, "
                "snippet(docs_fts, 2, '[', ']', '…', 12) AS snippet FROM docs_fts f "
                "JOIN documents d ON d.id = f.doc_id WHERE docs_fts MATCH :q ORDER BY rank, f.doc_id LIMIT :n"),
                {"q": match, "n": limit}).all()
        else:
            rows = conn.execute(text(
                "SELECT id, title, date, lang, ts_headline('simple', coalesce(text, ''), q, "
                "'StartSel=[, StopSel=], MaxWords=25, MinWords=8') AS snippet "
                "FROM documents, websearch_to_tsquery('simple', :q) AS q "
                "WHERE to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(text, '')) @@ q "
                "ORDER BY ts_rank(to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(text, '')), q) DESC, "
                "id LIMIT :n"), {"q": query, "n": limit}).all()
    return [{"id": r.id, "title": r.title, "date": r.date, "lang": r.lang, "snippet": r.snippet} for r in rows]


def _fts5_query(query: str) -> str:
    """User text -> a safe FTS5 query: quoted phrases kept, every other word quoted (all must match)."""
    terms = []
    for phrase, word in re.findall(r'"([^"]+)"|(\w+)', query):
        term = phrase or word
        if term.strip():
            terms.append('"' + term.replace('"', "") + '"')
    return " ".join(terms)


def _matching_doc_ids(conn: Connection, query: str) -> list[str]:
    if conn.dialect.name == "sqlite":
        match = _fts5_query(query)
        if not match:
            return []
        return list(conn.execute(text("SELECT doc_id FROM docs_fts WHERE docs_fts MATCH :q"), {"q": match}).scalars())
    return list(conn.execute(text(
        "SELECT id FROM documents WHERE to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(text, '')) "
        "@@ websearch_to_tsquery('simple', :q)"), {"q": query}).scalars())


def show_event(db_url: str, event_id: str) -> str | None:
    """A readable explanation of a merged event: fields, corrections, sources and why each was merged.

    `event_id` may be a merged event id or the id of one of its reports; None when there is no such event.
    """
    from communique.store import open_store

    engine = open_store(db_url)
    try:
        return _show(engine, event_id)
    finally:
        engine.dispose()


def merged_record(conn: Connection, event_id: str) -> tuple[str, dict[str, Any]] | None:
    """The merged event (its id and record, corrections applied) that `event_id` names: the merged id
    or the id of one of its reports; None when there is no such event."""
    merged_id = resolve_event_id(conn, event_id)
    if merged_id is None:
        return None
    raw = conn.execute(select(merged_events.c.record).where(merged_events.c.id == merged_id)).scalar()
    if raw is None:
        return None
    return merged_id, load_corrections(conn).apply(json.loads(raw))


def _show(engine: Engine, event_id: str) -> str | None:
    with engine.connect() as conn:
        found = merged_record(conn, event_id)
        if found is None:
            return None
        merged_id, rec = found
        members = conn.execute(
            select(events.c.id, events.c.doc_id, events.c.lang, events.c.record, events.c.merge_reason,
                   documents.c.title, documents.c.date)
            .join(documents, documents.c.id == events.c.doc_id)
            .where(events.c.merged_id == merged_id).order_by(documents.c.seq, events.c.position)).all()
    return "\n".join(_describe_record(rec) + _describe_members(members))


def _describe_record(rec: dict[str, Any]) -> list[str]:
    date = rec.get("date") or {}
    loc = rec.get("location") or {}
    lines = [f"{rec['id']}  {rec['type']}" + (f"/{rec['mode']}" if rec.get("mode") else "")
             + f"  {rec.get('label') or ''}" + ("  [REJECTED]" if rec.get("rejected") else ""),
             f"  status: {rec.get('status')}" + ("  (background)" if rec.get("background") else ""),
             f"  date: {date.get('start') or '?'}" + (f" .. {date['end']}" if date.get("end") else "")
             + (f" ({date.get('precision')})" if date.get("precision") else ""),
             f"  location: {', '.join(str(x) for x in (loc.get('name'), loc.get('country')) if x) or '?'}",
             "  actors: " + "; ".join(f"{a.get('name')} [{a.get('id')}, {a.get('kind')}, {a.get('country') or '?'}]"
                                      + (f" {a['role']}" if a.get("role") else "") for a in rec.get("actors") or []),
             f"  topics: {', '.join(rec.get('topics') or []) or '-'}",
             f"  confidence: {rec.get('confidence')}  sources: {len(rec.get('sources') or [])}"]
    for c in rec.get("corrections") or []:
        lines.append(f"  corrected {c['field']}: {json.dumps(c['old'], ensure_ascii=False)} -> "
                     f"{json.dumps(c['value'], ensure_ascii=False)} by {c['by']} at {c['at']}")
    return lines


def _describe_members(members: Sequence[Any]) -> list[str]:
    lines = ["sources:"]
    for m in members:
        member = json.loads(m.record)
        trigger = next((e for s in member.get("sources") or [] for e in s.get("evidence") or []
                        if e.get("field") == "trigger"), None)
        date = (member.get("date") or {}).get("start")
        lines.append(f"  - {m.doc_id} ({m.lang}, {m.date or 'undated'})" + (f" {m.title!r}" if m.title else ""))
        lines.append(f"    report {m.id}: {member.get('type')}/{member.get('mode')} date {date or '?'}"
                     + (f" trigger {trigger['text']!r}" if trigger else ""))
        lines.append(f"    {explain(json.loads(m.merge_reason) if m.merge_reason else None)}")
    return lines
