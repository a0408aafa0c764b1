"""Writing one document with its event records and their merge assignment (inside one transaction).

The caller opens the transaction (`db.writing`); everything here runs inside it, so a document, its
events, its actors and the merged events they join are stored together or not at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, text, update

from communique.merge import EventView, blocking_keys, choose, combine, view_of
from communique.merge.sentences import document_lead, dump_vector, load_vector, source_sentence, vectors
from communique.records import stable_id
from communique.similarity import Article
from communique.store.derived import period_columns, replace_merged
from communique.store.identity import forget_bands, identity_of, index_bands, near_duplicate
from communique.store.schema import (
    corrections,
    documents,
    event_actor,
    events,
    merge_keys,
    merged_events,
    similarity_profiles,
)
from communique.store.stories import cluster_day, place_document, refresh_story, story_of_document

KEY_CHUNK = 500  # bound the size of IN (...) lists


@dataclass(frozen=True, slots=True)
class InputSnapshot:
    """A document as the input gave it, before the pipeline: what `reprocess` starts from."""

    id: str
    raw_text: str
    source: str = ""
    title: str | None = None
    url: str | None = None
    date: str | None = None
    lang_hint: str | None = None
    opt_doc_date: str | None = None
    opt_lang: str | None = None


@dataclass(frozen=True, slots=True)
class ProcessedDocument:
    """What the pipeline made of a document, in contract form (records) plus the cleaned text."""

    text: str
    lang: str
    date: str | None
    record: dict[str, Any]  # document_record()
    events: list[dict[str, Any]]  # event_record() of each event
    article: Article | None = None  # what the similarity model reads of it (None: the document gets no story)


def content_hash(doc_id: str, raw_text: str) -> str:
    return hashlib.sha256(f"{doc_id}\x1f{raw_text}".encode()).hexdigest()


def stored_hash(conn: Connection, doc_id: str) -> str | None:
    return conn.execute(select(documents.c.content_hash).where(documents.c.id == doc_id)).scalar()


def write_document(conn: Connection, snap: InputSnapshot, done: ProcessedDocument, pipeline_version: str) -> int:
    """Store (or replace) a document and its events, and merge them; returns how many events were stored."""
    seq = conn.execute(select(documents.c.seq).where(documents.c.id == snap.id)).scalar()
    if seq is not None:
        remove_document(conn, snap.id)
    else:
        seq = (conn.execute(select(func.max(documents.c.seq))).scalar() or 0) + 1
    ident = identity_of(snap.raw_text)
    linked = near_duplicate(conn, snap.id, ident)
    ingested_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    lead_vec, *sentence_vecs = vectors([document_lead(snap.title, done.text)]
                                       + [source_sentence(done.text, r) for r in done.events])
    conn.execute(insert(documents).values(
        id=snap.id, content_hash=content_hash(snap.id, snap.raw_text), seq=seq, source=snap.source,
        title=snap.title, url=snap.url, input_date=snap.date, lang_hint=snap.lang_hint,
        opt_doc_date=snap.opt_doc_date, opt_lang=snap.opt_lang, raw_text=snap.raw_text, text=done.text,
        lang=done.lang, date=done.date, record=_dumps(done.record), pipeline_version=pipeline_version,
        ingested_at=ingested_at,
        text_hash=ident.text_hash, minhash=ident.minhash, story=linked[0] if linked else None,
        story_score=linked[1] if linked else None, doc_vec=dump_vector(lead_vec),
    ))
    index_bands(conn, snap.id, ident)
    if done.article is not None:
        place_document(conn, snap.id, done.article, cluster_day(done.date, ingested_at), linked[0] if linked else None)
    if conn.dialect.name == "sqlite":
        conn.execute(text("INSERT INTO docs_fts (rowid, doc_id, title, text) VALUES (:seq, :id, :title, :text)"),
                     {"seq": seq, "id": snap.id, "title": snap.title or "", "text": done.text})
    used: set[str] = set()
    for position, record in enumerate(done.events):
        record = dict(record)
        record["id"] = _unique_event_id(record["id"], used)
        _insert_event(conn, snap.id, position, record, done.lang, dump_vector(sentence_vecs[position]))
        assign_event(conn, record, snap.id, done.date)
    return len(done.events)


def _unique_event_id(event_id: str, used: set[str]) -> str:
    """Two events of one document with the same id (same trigger, type, actors) stay two rows."""
    candidate, n = event_id, 1
    while candidate in used:
        n += 1
        candidate = stable_id("evt", event_id, n)
    used.add(candidate)
    return candidate


def _insert_event(conn: Connection, doc_id: str, position: int, record: dict[str, Any], lang: str,
                  sentence_vec: str | None) -> None:
    date = record.get("date") or {}
    conn.execute(insert(events).values(sentence_vec=sentence_vec,
        id=record["id"], doc_id=doc_id, position=position, type=record.get("type"), mode=record.get("mode"),
        status=record.get("status"), date_start=date.get("start"), date_end=date.get("end"),
        precision=date.get("precision"), country_pair=",".join(_countries(record)), lang=lang,
        confidence=record.get("confidence"), record=_dumps(record),
    ))
    rows = [{"event_id": record["id"], "position": i, "actor_id": a.get("id"), "name": a.get("name"),
             "kind": a.get("kind"), "country": a.get("country"), "role": a.get("role")}
            for i, a in enumerate(record.get("actors") or [])]
    if rows:
        conn.execute(insert(event_actor), rows)


def _countries(record: dict[str, Any]) -> list[str]:
    return sorted({str(a["country"]).upper() for a in record.get("actors") or [] if a.get("country")})


def remove_document(conn: Connection, doc_id: str) -> None:
    """Delete a document's rows; the merged events it fed are recomputed (or dropped when empty)."""
    rows = conn.execute(select(events.c.id, events.c.merged_id).where(events.c.doc_id == doc_id)).all()
    ids = [r.id for r in rows]
    story = story_of_document(conn, doc_id)
    if conn.dialect.name == "sqlite":  # its full-text row is numbered by its seq (schema v8): found directly
        seq = conn.execute(select(documents.c.seq).where(documents.c.id == doc_id)).scalar()
        conn.execute(text("DELETE FROM docs_fts WHERE rowid = :seq"), {"seq": seq})
    for chunk in _chunks(ids):
        conn.execute(delete(event_actor).where(event_actor.c.event_id.in_(chunk)))
    conn.execute(delete(events).where(events.c.doc_id == doc_id))
    conn.execute(delete(documents).where(documents.c.id == doc_id))
    conn.execute(delete(similarity_profiles).where(similarity_profiles.c.doc_id == doc_id))
    forget_bands(conn, doc_id)
    if story is not None:
        refresh_story(conn, story)
    for merged_id in sorted({r.merged_id for r in rows if r.merged_id}):
        refresh_merged(conn, merged_id)


def assign_event(conn: Connection, record: dict[str, Any], doc_id: str, doc_date: str | None) -> str:
    """Merge a stored event into the best matching merged event, or start one; returns its id."""
    view = with_text(conn, view_of(record, doc_date), [record["id"]])
    apart = split_documents(conn, doc_id, str(record.get("type") or ""))
    candidates = []
    same_document = []
    split = []
    for merged_id in _candidate_ids(conn, blocking_keys(view)):
        member_docs = _member_documents(conn, merged_id)
        if doc_id in member_docs:
            # The extractor kept these apart within the document (a visit and the talks during it):
            # merging across documents must not undo that.
            same_document.append(merged_id)
            continue
        if member_docs & apart:
            split.append(merged_id)  # an analyst split these reports: reprocessing must not merge them again
            continue
        row = conn.execute(select(merged_events.c.record, merged_events.c.doc_date)
                           .where(merged_events.c.id == merged_id)).one()
        candidates.append((merged_id, with_text(conn, view_of(json.loads(row.record), row.doc_date),
                                                _member_ids(conn, merged_id))))
    decision = choose(view, candidates)
    if same_document and decision.merged_id is None:
        decision.reason["same_document"] = same_document
    if split and decision.merged_id is None:
        decision.reason["split"] = split
    merged_id = decision.merged_id or _new_merged_id(conn, record["id"])
    conn.execute(update(events).where(events.c.id == record["id"])
                 .values(merged_id=merged_id, merge_reason=_dumps(decision.reason)))
    refresh_merged(conn, merged_id)
    return merged_id


def with_text(conn: Connection, view: EventView, event_ids: list[str]) -> EventView:
    """The view with the text evidence of the given reports: their sentence vectors, their documents'
    lead vectors and stories (a document without a near-duplicate is a story of its own)."""
    for chunk in _chunks(event_ids):
        rows = conn.execute(select(events.c.sentence_vec, documents.c.id, documents.c.doc_vec, documents.c.story)
                            .join(documents, documents.c.id == events.c.doc_id)
                            .where(events.c.id.in_(chunk)).order_by(events.c.id)).all()
        docs_seen: set[str] = set()
        for row in rows:
            sentence = load_vector(row.sentence_vec)
            if sentence is not None:
                view.sentence_vecs.append(sentence)
            if row.id in docs_seen:
                continue
            docs_seen.add(row.id)
            lead = load_vector(row.doc_vec)
            if lead is not None:
                view.doc_vecs.append(lead)
            view.stories = view.stories | {row.story or row.id}
    return view


def split_documents(conn: Connection, doc_id: str, event_type: str) -> set[str]:
    """Documents whose reports of this type an analyst split from this document's (store: corrections)."""
    rows = conn.execute(select(corrections.c.value).where(
        corrections.c.target_kind == SPLIT_KIND, corrections.c.target_id == doc_id,
        corrections.c.field == event_type, corrections.c.active.is_(True))).scalars()
    return {str(d) for value in rows for d in json.loads(value or "[]")}


SPLIT_KIND = "split"


def _member_documents(conn: Connection, merged_id: str) -> set[str]:
    return set(conn.execute(select(events.c.doc_id).where(events.c.merged_id == merged_id)).scalars())


def _member_ids(conn: Connection, merged_id: str) -> list[str]:
    return list(conn.execute(select(events.c.id).where(events.c.merged_id == merged_id)
                             .order_by(events.c.id)).scalars())


def _candidate_ids(conn: Connection, keys: list[str]) -> list[str]:
    found: set[str] = set()
    for chunk in _chunks(keys):
        found.update(conn.execute(select(merge_keys.c.merged_id).where(merge_keys.c.key.in_(chunk))).scalars())
    return sorted(found)


def _new_merged_id(conn: Connection, event_id: str) -> str:
    """A new merged event takes the id of the report that founds it (stable across runs)."""
    candidate, n = event_id, 1
    while conn.execute(select(merged_events.c.id).where(merged_events.c.id == candidate)).first() is not None:
        n += 1
        candidate = stable_id("evt", event_id, "merged", n)
    return candidate


def refresh_merged(conn: Connection, merged_id: str) -> None:
    """Recompute a merged event from its members (oldest document first), with its blocking keys and
    its rows in the derived query tables (store/derived.py)."""
    old_raw = conn.execute(select(merged_events.c.record).where(merged_events.c.id == merged_id)).scalar()
    old = json.loads(old_raw) if old_raw is not None else None
    rows = conn.execute(
        select(events.c.record, documents.c.date, documents.c.lang)
        .join(documents, documents.c.id == events.c.doc_id)
        .where(events.c.merged_id == merged_id)
        .order_by(documents.c.seq, events.c.position)
    ).all()
    conn.execute(delete(merge_keys).where(merge_keys.c.merged_id == merged_id))
    conn.execute(delete(merged_events).where(merged_events.c.id == merged_id))
    if not rows:
        replace_merged(conn, merged_id, old, None)
        return
    record = combine([json.loads(r.record) for r in rows], merged_id)
    dates = sorted(r.date for r in rows if r.date)
    doc_date = dates[0] if dates else None
    view = view_of(record, doc_date)
    date = record["date"]
    countries = sorted({str(a["country"]).upper() for a in record["actors"] if a.get("country")})
    conn.execute(insert(merged_events).values(
        id=merged_id, type=record["type"], mode=record["mode"], status=record["status"],
        date_start=date.get("start"), date_end=date.get("end"),
        date_lo=view.interval.lo.isoformat() if view.interval else None,
        date_hi=view.interval.hi.isoformat() if view.interval else None,
        countries="," + ",".join(countries) + "," if countries else "",
        langs=",".join(sorted({r.lang for r in rows if r.lang})), doc_date=doc_date,
        n_sources=len(record["sources"]), confidence=record["confidence"], record=_dumps(record),
        **period_columns(record),
    ))
    replace_merged(conn, merged_id, old, record)
    keys = blocking_keys(view)
    if keys:
        conn.execute(insert(merge_keys), [{"key": k, "merged_id": merged_id} for k in keys])


def _chunks(items: list[str]) -> list[list[str]]:
    return [items[i:i + KEY_CHUNK] for i in range(0, len(items), KEY_CHUNK)]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
