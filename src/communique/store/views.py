"""Read views for the web app and the REST API, on top of the store's public queries.

The store's `query_events` returns every matching merged record; the views here add what a web
client needs: pages (sorted and paginated in SQL when no correction can change the answer), one event
with the source texts around its evidence, one actor with counterparts, the actor network, one
document with its events, and the most frequent country pairs. SQLAlchemy Core only, bound parameters.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from sqlalchemy import Connection, Engine, and_, func, select

from communique.merge.explain import explain
from communique.merge.keys import parse_date
from communique.store.corrections import Corrections, load_corrections
from communique.store.derived import ALL_TOPICS, ROLE_SEP, contribution, role_prefix
from communique.store.queries import (
    SORTS,
    Descending,
    EventFilter,
    actor_info,
    actor_window,
    merged_record,
    original_actor_ids,
    query_events,
    select_events,
    top_with_ties,
)
from communique.store.schema import (
    actor_links,
    documents,
    events,
    key_months,
    merged_events,
    merged_index,
    pair_counts,
)

CONTEXT_CHARS = 400  # how much text to show around the evidence of one source
MAX_PAGE = 500


@dataclass(slots=True)
class EventPage:
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    sort: str

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.offset + self.limit < self.total else None


@dataclass(slots=True)
class Slice:
    """A window of a document's cleaned text, with the evidence spans inside it (window offsets)."""

    start: int
    end: int
    text: str
    marks: list[dict[str, Any]] = field(default_factory=list)


# -- events -------------------------------------------------------------------------------------------


def page_events(engine: Engine, flt: EventFilter | None = None, sort: str = "-date", limit: int = 50,
                offset: int = 0) -> EventPage:
    """One page of merged events (corrections applied) sorted by date or confidence ("-" = descending),
    filtered, sorted and cut in SQL (queries.select_events)."""
    flt = flt or EventFilter()
    if sort not in SORTS:
        raise ValueError(f"sort {sort!r}: expected one of {', '.join(SORTS)}")
    limit = max(1, min(limit, MAX_PAGE))
    offset = max(0, offset)
    with engine.connect() as conn:
        records, total = select_events(conn, flt, limit, offset, sort)
    return EventPage(records, total, limit, offset, sort)


def _sort_key(sort: str) -> Any:
    descending = sort.startswith("-")
    by_date = sort.lstrip("-") == "date"

    def key(rec: dict[str, Any]) -> tuple[Any, ...]:
        value = (rec.get("date") or {}).get("start") if by_date else rec.get("confidence")
        if value is None:
            return (1, "", "")
        if descending:
            return (0, Descending(value), Descending(rec["id"]))
        return (0, value, rec["id"])

    return key


def event_detail(engine: Engine, event_id: str, context: int = CONTEXT_CHARS) -> dict[str, Any] | None:
    """A merged event (corrections applied) whose sources carry their document (title, url, date) and a
    slice of the cleaned text around the evidence; None when there is no such event.

    `event_id` may be the merged id or the id of one report."""
    with engine.connect() as conn:
        found = merged_record(conn, event_id)
        if found is None:
            return None
        merged_id, record = found
        doc_ids = sorted({str(s.get("doc")) for s in record.get("sources") or []})
        docs = {r.id: r for r in conn.execute(
            select(documents.c.id, documents.c.title, documents.c.url, documents.c.date, documents.c.lang,
                   documents.c.text, documents.c.story, documents.c.story_score)
            .where(documents.c.id.in_(doc_ids)))} if doc_ids else {}
        reports = _member_reports(conn, merged_id)
    sources = []
    for source in record.get("sources") or []:
        doc = docs.get(source.get("doc"))
        report = reports.get(str(source.get("doc")), {})
        text = (doc.text or "") if doc is not None else ""
        window = evidence_slice(text, source.get("evidence") or [], context)
        sources.append(dict(source, title=doc.title if doc else None, url=doc.url if doc else None,
                            doc_date=doc.date if doc else None,
                            report=report.get("id"), merge=report.get("why"), merge_reason=report.get("reason"),
                            near_duplicate_of=doc.story if doc else None,
                            near_duplicate_score=doc.story_score if doc else None,
                            context={"start": window.start, "end": window.end, "length": len(text),
                                     "text": window.text, "marks": window.marks}))
    return dict(record, sources=sources)


def _member_reports(conn: Connection, merged_id: str) -> dict[str, dict[str, Any]]:
    """The first report of each source document in a merged event: its id and why it was merged (in words
    and as stored: the decision, its score and the agreeing parts)."""
    rows = conn.execute(select(events.c.id, events.c.doc_id, events.c.merge_reason)
                        .where(events.c.merged_id == merged_id).order_by(events.c.position, events.c.id)).all()
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        if row.doc_id not in out:
            reason = json.loads(row.merge_reason) if row.merge_reason else None
            out[row.doc_id] = {"id": row.id, "reason": reason, "why": explain(reason)}
    return out


def evidence_slice(text: str, evidence: list[dict[str, Any]], context: int = CONTEXT_CHARS) -> Slice:
    """The text from `context` characters before the first evidence span to as many after the last one,
    widened to whole words; marks hold each span's field and offsets relative to the slice."""
    spans = [e for e in evidence if 0 <= int(e.get("start", -1)) <= int(e.get("end", -1)) <= len(text)]
    if not spans:
        end = min(len(text), 2 * context)
        return Slice(0, end, text[:end])
    lo = max(0, min(int(e["start"]) for e in spans) - context)
    hi = min(len(text), max(int(e["end"]) for e in spans) + context)
    lo = _word_start(text, lo)
    hi = _word_end(text, hi)
    marks = [{"field": e.get("field"), "start": int(e["start"]) - lo, "end": int(e["end"]) - lo} for e in spans]
    return Slice(lo, hi, text[lo:hi], sorted(marks, key=lambda mk: (mk["start"], -mk["end"])))


def _word_start(text: str, i: int) -> int:
    while 0 < i < len(text) and not text[i - 1].isspace():
        i -= 1
    return i


def _word_end(text: str, i: int) -> int:
    while 0 < i < len(text) and not text[i].isspace():
        i += 1
    return i


def highlight_segments(text: str, marks: list[dict[str, Any]]) -> list[tuple[str, list[str]]]:
    """The text cut at every mark boundary: (piece, fields covering it). Overlapping marks are all named,
    so a template can wrap each marked piece in one element and escape the text of every piece."""
    bounds = {0, len(text)}
    for mk in marks:
        bounds.update((max(0, min(len(text), mk["start"])), max(0, min(len(text), mk["end"]))))
    cuts = sorted(bounds)
    pieces: list[tuple[str, list[str]]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a == b:
            continue
        fields = sorted({str(mk["field"]) for mk in marks if mk["start"] <= a and b <= mk["end"]})
        if pieces and pieces[-1][1] == fields:
            pieces[-1] = (pieces[-1][0] + text[a:b], fields)
        else:
            pieces.append((text[a:b], fields))
    return pieces


# -- actors -------------------------------------------------------------------------------------------


def actor_detail(engine: Engine, actor_id: str, counterpart_limit: int = 30,
                 event_limit: int = 200) -> dict[str, Any] | None:
    """One actor (corrections applied): name, kind, country, roles over time, counterparts (actors met in
    the same events, with how many and which types) and its `event_limit` newest events (event_count: all);
    None when unknown. Roles and counterparts come from the derived tables (merged_index r: keys,
    actor_links), corrected events re-counted from their corrected records.

    A country (`country:RU`) counts the events of its own actors too (its officials and bodies), as a
    pair of countries does: its events are those of the country filter (`filter`: the events filter)."""
    code = country_code(actor_id)
    flt = EventFilter(country=code) if code else EventFilter(actor_id=actor_id)
    with engine.connect() as conn:
        corr = load_corrections(conn)
        newest, total = select_events(conn, flt, max(0, event_limit), 0, "-date")
        if total == 0:
            return None
        originals = original_actor_ids(conn, actor_id, corr)
        corrected = _corrected_records(conn, corr, originals)
        roles = _roles(conn, originals, corr, corrected, actor_id)
        if corr.alias or corrected:
            counts, types = _counterparts(conn, originals, corr, corrected, actor_id)
        else:  # nothing to map or re-count: the busiest counterparts straight from actor_links
            counts, types = _top_counterparts(conn, originals, counterpart_limit)
        counts = top_with_ties(counts, counterpart_limit)  # only those shown need their name looked up
        info = actor_info(conn, corr, sorted(set(counts) | {actor_id}))
    me = {k: info.get(actor_id, {}).get(k) for k in ("id", "name", "kind", "country")}
    me["id"] = actor_id
    partners = {k: {f: info.get(k, {}).get(f) for f in ("name", "kind", "country")} for k in counts}
    counterparts = [dict(partners[k], id=k, events=n, types=dict(sorted(types[k].items())))
                    for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], str(partners[kv[0]].get("name"))))]
    return dict(me, events=newest, event_count=total, counterparts=counterparts[:counterpart_limit],
                filter={"country": code} if code else {"actor": actor_id},
                roles=sorted(roles.values(), key=lambda r: (r["first"] or "9999", r["role"])))


def surviving_actor(engine: Engine, actor_id: str) -> str | None:
    """The actor an absorbed actor id is now shown as (after `merge_actors`), or None if it was not absorbed."""
    with engine.connect() as conn:
        shown = load_corrections(conn).actor_id(actor_id)
    return shown if shown != actor_id else None


def country_code(actor_id: str) -> str | None:
    """'RU' for the country actor 'country:RU', else None."""
    prefix, _, code = actor_id.partition(":")
    return code.upper() if prefix == "country" and len(code) == 2 and code.isalpha() else None


def page_actors(engine: Engine, flt: EventFilter | None = None, kind: str | None = None,
                actor_country: str | None = None, limit: int = 100,
                offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """One page of the actors of the matching events, busiest first, and how many there are in all."""
    with engine.connect() as conn:
        return actor_window(conn, flt or EventFilter(), kind, actor_country, max(1, min(limit, MAX_PAGE)),
                            max(0, offset))


def _corrected_records(conn: Connection, corr: Corrections,
                       originals: list[str]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(extracted, corrected) records of the corrected events that involve the actor."""
    out = []
    wanted = set(originals)
    for merged_id in corr.event_ids:
        raw = conn.execute(select(merged_events.c.record).where(merged_events.c.id == merged_id)).scalar()
        if raw is None:
            continue
        record = json.loads(raw)
        if wanted & {str(a.get("id")) for a in record.get("actors") or []}:
            out.append((record, corr.apply(record)))
    return out


def _roles(conn: Connection, originals: list[str], corr: Corrections,
           corrected: list[tuple[dict[str, Any], dict[str, Any]]], actor_id: str) -> dict[str, dict[str, Any]]:
    """Roles over time from the r:<actor>\x1f<role> keys: events per role from key_months, the first and
    last dated event from merged_index (two index seeks); corrected events from their corrected record."""
    roles: dict[str, dict[str, Any]] = {}
    km, k = key_months.c, merged_index.c
    excluded = corr.event_ids
    extracted_keys = [contribution(record).keys for record, _ in corrected]
    for original in originals:
        prefix = role_prefix(original)
        in_range = and_(km.key >= prefix, km.key < prefix[:-1] + chr(ord(ROLE_SEP) + 1), km.topic == ALL_TOPICS)
        counted = conn.execute(select(km.key, func.sum(km.n)).where(in_range).group_by(km.key)).all()
        for key, n in counted:
            n = int(n) - sum(1 for keys in extracted_keys if key in keys)
            dated = [k.key == key, k.date_start >= "0"] + ([k.merged_id.not_in(excluded)] if excluded else [])
            first = conn.execute(select(func.min(k.date_start)).where(*dated)).scalar()
            last = conn.execute(select(func.max(k.date_start)).where(*dated)).scalar()
            if n <= 0:
                continue
            row = roles.setdefault(key[len(prefix):], {"role": key[len(prefix):], "first": None, "last": None,
                                                       "events": 0})
            row["events"] += n
            row["first"] = min(filter(None, (row["first"], first)), default=None)
            row["last"] = max(filter(None, (row["last"], last)), default=None)
    for _, rec in corrected:
        if rec.get("rejected"):
            continue
        for actor in rec.get("actors") or []:
            if str(actor.get("id")) == actor_id and actor.get("role"):
                _extend_role(roles, str(actor["role"]), (rec.get("date") or {}).get("start"))
    return roles


def _counterparts(conn: Connection, originals: list[str], corr: Corrections,
                  corrected: list[tuple[dict[str, Any], dict[str, Any]]],
                  actor_id: str) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """Shared merged events per counterpart (and per type) from actor_links, actor merges mapped, corrected
    events replaced by their corrected records."""
    counts: Counter[str] = Counter()
    types: dict[str, Counter[str]] = defaultdict(Counter)
    links = actor_links.c
    for i in range(0, len(originals), 500):
        query = (select(links.other_id, links.type, func.sum(links.n)).where(links.actor_id.in_(originals[i:i + 500]))
                 .group_by(links.other_id, links.type))
        for other, event_type, n in conn.execute(query):
            shown = corr.actor_id(other)
            if shown != actor_id:
                counts[shown] += int(n)
                types[shown][event_type] += int(n)
    wanted = set(originals)
    for record, rec in corrected:
        ids = {str(a.get("id")) for a in record.get("actors") or []}
        for other in {corr.actor_id(o) for o in ids - wanted} - {actor_id}:
            counts[other] -= len(ids & wanted)
            types[other][str(record.get("type"))] -= len(ids & wanted)
        if rec.get("rejected"):
            continue
        for other in {str(a.get("id")) for a in rec.get("actors") or []} - {actor_id}:
            counts[other] += 1
            types[other][str(rec.get("type"))] += 1
    counts = Counter({k: n for k, n in counts.items() if n > 0})
    return counts, {k: Counter({t: n for t, n in v.items() if n > 0}) for k, v in types.items()}


def _top_counterparts(conn: Connection, originals: list[str],
                      limit: int) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """The `limit` counterparts sharing the most events (and all tied with the last), with their types,
    counted and ranked in SQL from actor_links (no actor merges or corrected events to account for)."""
    links = actor_links.c
    total = func.sum(links.n).label("n")
    ranked = (select(links.other_id, total).where(links.actor_id.in_(originals)).group_by(links.other_id)
              .order_by(total.desc(), links.other_id))
    counts: Counter[str] = Counter()
    result = conn.execute(ranked)
    try:
        for other, n in result:
            if len(counts) >= limit and int(n) < min(counts.values()):
                break
            counts[other] = int(n)
    finally:
        result.close()
    types: dict[str, Counter[str]] = defaultdict(Counter)
    shown = sorted(counts)
    for i in range(0, len(shown), 500):
        by_type = (select(links.other_id, links.type, func.sum(links.n))
                   .where(links.actor_id.in_(originals), links.other_id.in_(shown[i:i + 500]))
                   .group_by(links.other_id, links.type))
        for other, event_type, n in conn.execute(by_type):
            types[other][event_type] += int(n)
    return counts, types


def _extend_role(roles: dict[str, dict[str, Any]], role: str, date: str | None) -> None:
    row = roles.setdefault(role, {"role": role, "first": None, "last": None, "events": 0})
    row["events"] += 1
    if date and parse_date(date, None) is not None:
        row["first"] = min(filter(None, (row["first"], date)))
        row["last"] = max(filter(None, (row["last"], date)))


def network(engine: Engine, flt: EventFilter | None = None, min_weight: int = 1,
            max_nodes: int = 150) -> dict[str, Any]:
    """The actor network of the matching events: nodes (id, name, kind, country, events) and undirected
    weighted edges (source, target, weight = shared events, types); the `max_nodes` busiest actors."""
    counts: Counter[str] = Counter()
    info: dict[str, dict[str, Any]] = {}
    weights: Counter[tuple[str, str]] = Counter()
    types: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for rec in query_events(engine, flt):
        ids = set()
        for actor in rec.get("actors") or []:
            actor_id = str(actor.get("id"))
            info.setdefault(actor_id, {"id": actor_id, "name": actor.get("name") or actor_id,
                                       "kind": actor.get("kind"), "country": actor.get("country")})
            ids.add(actor_id)
        counts.update(ids)
        for a, b in combinations(sorted(ids), 2):
            weights[(a, b)] += 1
            types[(a, b)][str(rec.get("type"))] += 1
    kept = {k for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:max_nodes]}
    nodes = [dict(info[k], events=counts[k]) for k in sorted(kept)]
    edges = [{"source": a, "target": b, "weight": w, "types": dict(sorted(types[(a, b)].items()))}
             for (a, b), w in sorted(weights.items()) if w >= min_weight and a in kept and b in kept]
    return {"nodes": nodes, "edges": edges}


# -- documents ----------------------------------------------------------------------------------------


def document_detail(engine: Engine, doc_id: str) -> dict[str, Any] | None:
    """One stored document: metadata, cleaned text (the one evidence offsets refer to) and the merged
    events it supports, each with this document's evidence; None when unknown."""
    cols = documents.c
    with engine.connect() as conn:
        row = conn.execute(select(cols.id, cols.title, cols.url, cols.date, cols.lang, cols.text, cols.source,
                                  cols.ingested_at, cols.cluster).where(cols.id == doc_id)).first()
        if row is None:
            return None
        merged_ids = sorted(set(conn.execute(select(events.c.merged_id).where(
            events.c.doc_id == doc_id, events.c.merged_id.is_not(None))).scalars()))
        corr = load_corrections(conn)
        raws: list[str] = list(conn.execute(select(merged_events.c.record).where(
            merged_events.c.id.in_(merged_ids))).scalars()) if merged_ids else []
        records = [corr.apply(json.loads(r)) for r in raws]
    doc_events = []
    for rec in sorted(records, key=_sort_key("date")):
        if rec.get("rejected"):
            continue
        evidence = [e for s in rec.get("sources") or [] if s.get("doc") == doc_id for e in s.get("evidence") or []]
        doc_events.append({"id": rec["id"], "type": rec.get("type"), "mode": rec.get("mode"),
                           "label": rec.get("label"), "date": rec.get("date"), "actors": rec.get("actors") or [],
                           "evidence": evidence})
    return {"id": row.id, "title": row.title, "url": row.url, "date": row.date, "lang": row.lang,
            "source": row.source, "ingested_at": row.ingested_at, "story": row.cluster, "text": row.text or "",
            "events": doc_events}


def list_documents(engine: Engine, limit: int = 50, offset: int = 0, lang: str | None = None) -> dict[str, Any]:
    """Stored documents, newest ingested first (without their text)."""
    cols = documents.c
    limit = max(1, min(limit, MAX_PAGE))
    count = select(func.count()).select_from(documents)
    query = select(cols.id, cols.title, cols.url, cols.date, cols.lang)
    if lang:
        count, query = count.where(cols.lang == lang.lower()), query.where(cols.lang == lang.lower())
    with engine.connect() as conn:
        total = int(conn.execute(count).scalar_one())
        rows = conn.execute(query.order_by(cols.seq.desc()).limit(limit).offset(max(0, offset))).all()
    return {"total": total, "limit": limit, "offset": offset,
            "items": [{"id": r.id, "title": r.title, "url": r.url, "date": r.date, "lang": r.lang} for r in rows]}


# -- pairs --------------------------------------------------------------------------------------------


def top_pairs(engine: Engine, limit: int = 20) -> list[dict[str, Any]]:
    """The country pairs that share the most merged events: [{"pair": "RU,VN", "events": n}], busiest first.

    From pair_counts; a rejected event is taken off its pairs, and an event whose participants an actor merge
    folded into one is counted with its corrected countries (no other correction changes countries)."""
    with engine.connect() as conn:
        corr = load_corrections(conn)
        recount = sorted({i for i in corr.event_ids if corr.is_rejected(i)} | corr.collapsed)
        pc = pair_counts.c
        cut = conn.execute(select(pc.n).order_by(pc.n.desc()).limit(1).offset(max(0, limit - 1))).scalar()
        query = select(pc.pair, pc.n)
        if cut is not None:
            query = query.where(pc.n >= cut - len(recount))
        counts = Counter({pair: int(n) for pair, n in conn.execute(query)})
        for raw in _raw_records(conn, recount):
            counts.subtract(_country_pairs(raw))
            if not corr.is_rejected(raw["id"]):
                counts.update(_country_pairs(corr.apply(raw)))
    ranked = sorted(((p, n) for p, n in counts.items() if n > 0), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [{"pair": p, "events": n} for p, n in ranked]


def _country_pairs(record: dict[str, Any]) -> list[str]:
    codes = sorted({str(a["country"]).upper() for a in record.get("actors") or [] if a.get("country")})
    return [",".join(p) for p in combinations(codes, 2)]


def count_pairs(engine: Engine) -> int:
    """How many country pairs share at least one event (rejected events not taken off)."""
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(pair_counts).where(pair_counts.c.n > 0)).scalar_one())


def _raw_records(conn: Connection, ids: list[str]) -> list[dict[str, Any]]:
    if not ids:
        return []
    return [json.loads(r) for r in conn.execute(select(merged_events.c.record).where(merged_events.c.id.in_(ids)))
            .scalars()]
