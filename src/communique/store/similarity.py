"""Per-document similarity profiles: what `communique similar --near` compares, kept so it is computed once.

A profile is opaque to the store: JSON (the article's title, canonical actors, places, dates …) and the
float32 embeddings of its pieces, keyed by document and by the model that made them (`model`), so a new
encoder or article cut recomputes them. Ingest writes a document's profile (store/stories.py clusters
with it); `--near` computes the missing ones. The table is part of the schema since v7.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, delete, select

from communique.store.schema import documents
from communique.store.schema import similarity_profiles as profiles


@dataclass(frozen=True, slots=True)
class StoredProfile:
    doc_id: str
    profile: str
    vectors: bytes


@dataclass(frozen=True, slots=True)
class ProfileSource:
    """What a profile is computed from: a stored document's raw text and what the input said of it."""

    doc_id: str
    raw_text: str
    title: str | None
    lang: str | None
    date: str | None


def documents_without_profile(engine: Engine, model: str) -> list[ProfileSource]:
    """Stored documents that have no profile made by `model`, in ingest order."""
    d = documents.c
    done = select(profiles.c.doc_id).where(profiles.c.model == model)
    with engine.connect() as conn:
        rows = conn.execute(select(d.id, d.raw_text, d.title, d.lang, d.date)
                            .where(d.id.not_in(done)).order_by(d.seq)).all()
    return [ProfileSource(r.id, r.raw_text, r.title, r.lang, r.date) for r in rows]


def document_source(engine: Engine, doc_id: str) -> ProfileSource | None:
    """One stored document's raw text and metadata, or None when the id is unknown."""
    d = documents.c
    with engine.connect() as conn:
        r = conn.execute(select(d.id, d.raw_text, d.title, d.lang, d.date).where(d.id == doc_id)).first()
    return None if r is None else ProfileSource(r.id, r.raw_text, r.title, r.lang, r.date)


def save_profiles(engine: Engine, model: str, rows: Iterable[StoredProfile]) -> int:
    """Store (or replace) profiles made by `model`; returns how many."""
    items = list(rows)
    with engine.begin() as conn:
        for row in items:
            conn.execute(delete(profiles).where(profiles.c.doc_id == row.doc_id))
            conn.execute(profiles.insert().values(doc_id=row.doc_id, model=model, profile=row.profile,
                                                  vectors=row.vectors))
    return len(items)


def load_profiles(engine: Engine, model: str) -> list[StoredProfile]:
    """Every profile made by `model` whose document is still stored, in document id order."""
    p = profiles.c
    with engine.connect() as conn:
        rows = conn.execute(select(p.doc_id, p.profile, p.vectors)
                            .where(p.model == model, p.doc_id.in_(select(documents.c.id)))
                            .order_by(p.doc_id)).all()
    return [StoredProfile(r.doc_id, r.profile, bytes(r.vectors)) for r in rows]
