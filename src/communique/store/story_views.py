"""Reading stories (store/stories.py places documents in them): a page of stories, one story with its
documents and the merged events reported in them (corrections applied)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, select

from communique.store.corrections import load_corrections
from communique.store.schema import documents, events, merged_events, stories
from communique.store.stories import first_line, outlet, story_of_document, titles_read


@dataclass(frozen=True, slots=True)
class StorySummary:
    id: str
    title: str | None
    first_seen: str | None
    last_seen: str | None
    n_docs: int
    langs: list[str]
    outlets: list[str]

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "first_seen": self.first_seen, "last_seen": self.last_seen,
                "n_documents": self.n_docs, "languages": self.langs, "outlets": self.outlets}


@dataclass(frozen=True, slots=True)
class StoryPage:
    total: int
    items: list[StorySummary]


def _summary(row: object) -> StorySummary:
    r = row
    return StorySummary(id=r.id, title=r.title, first_seen=r.first_seen, last_seen=r.last_seen,  # type: ignore[attr-defined]
                        n_docs=r.n_docs, langs=[x for x in (r.langs or "").split(",") if x],  # type: ignore[attr-defined]
                        outlets=[x for x in (r.outlets or "").split(",") if x])  # type: ignore[attr-defined]


def page_stories(engine: Engine, limit: int = 50, offset: int = 0, min_documents: int = 1,
                 lang: str | None = None) -> StoryPage:
    """Stories, the most recently seen first (then the biggest, then by id), with the total for paging."""
    s = stories.c
    conditions = [s.n_docs >= min_documents]
    if lang:
        conditions.append(("," + s.langs + ",").contains(f",{lang},"))
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(stories).where(*conditions)).scalar() or 0
        rows = conn.execute(select(stories).where(*conditions)
                            .order_by(s.last_seen.desc(), s.n_docs.desc(), s.id)
                            .limit(limit).offset(offset)).all()
    return StoryPage(total=int(total), items=[_summary(r) for r in rows])


@dataclass(frozen=True, slots=True)
class StoryDocument:
    id: str
    title: str | None
    lang: str | None
    date: str | None
    day: str | None
    url: str | None
    outlet: str | None
    via: str | None  # the document whose similarity put it in the story (None: it founded the story)
    score: float | None

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "lang": self.lang, "date": self.date, "day": self.day,
                "url": self.url, "outlet": self.outlet, "joined_via": self.via, "score": self.score}


@dataclass(frozen=True, slots=True)
class StoryEvent:
    id: str
    type: str | None
    date_start: str | None
    n_sources: int
    summary: str

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "type": self.type, "date": self.date_start, "n_sources": self.n_sources,
                "summary": self.summary}


@dataclass(frozen=True, slots=True)
class StoryDetail:
    story: StorySummary
    documents: list[StoryDocument]
    events: list[StoryEvent]

    def as_dict(self) -> dict[str, object]:
        return {**self.story.as_dict(), "documents": [d.as_dict() for d in self.documents],
                "events": [e.as_dict() for e in self.events]}


def story_detail(engine: Engine, story_id: str) -> StoryDetail | None:
    """A story with its documents (in the order seen) and the merged events reported in them (corrections
    applied, rejected ones left out); None if unknown."""
    d = documents.c
    with engine.connect() as conn:
        row = conn.execute(select(stories).where(stories.c.id == story_id)).first()
        if row is None:
            return None
        docs = conn.execute(select(d.id, d.title, d.text, d.lang, d.date, d.cluster_day, d.url, d.cluster_via,
                                   d.cluster_score)
                            .where(d.cluster == story_id).order_by(d.cluster_day, d.seq)).all()
        merged_ids = select(events.c.merged_id).where(events.c.doc_id.in_([r.id for r in docs]))
        merged = conn.execute(select(merged_events.c.id, merged_events.c.type, merged_events.c.date_start,
                                     merged_events.c.n_sources, merged_events.c.record)
                              .where(merged_events.c.id.in_(merged_ids))
                              .order_by(merged_events.c.date_start, merged_events.c.id)).all()
        titles = titles_read(conn, [r.id for r in docs])
        corr = load_corrections(conn)
    kept = [(m, corr.apply(json.loads(m.record))) for m in merged]
    return StoryDetail(
        story=_summary(row),
        documents=[StoryDocument(r.id, r.title or titles.get(r.id) or first_line(r.text or ""), r.lang, r.date,
                                 r.cluster_day, r.url, outlet(r.url), r.cluster_via, r.cluster_score) for r in docs],
        events=[StoryEvent(m.id, rec.get("type"), (rec.get("date") or {}).get("start"), int(m.n_sources or 0),
                           _event_summary(rec)) for m, rec in kept if not rec.get("rejected")])


def _event_summary(record: dict[str, Any]) -> str:
    """"TYPE: actor, actor" for a line in a list (corrections applied)."""
    names = ", ".join(str(a.get("name")) for a in record.get("actors") or [] if a.get("name"))
    return f"{record.get('type')}: {names}" if names else str(record.get("type"))


def document_story(engine: Engine, doc_id: str) -> str | None:
    """The story a stored document is in (None: unknown document, or stored before stories existed)."""
    with engine.connect() as conn:
        return story_of_document(conn, doc_id)
