"""Document identity in the store: the same text is one document; near-duplicates are linked to a story.

`text_hash` (merge/dedup.py) names a text whatever id it came under: ingesting it again under another
path, URL or JSONL id stores nothing new (the other id is kept as an alias). A document whose shingles
are mostly contained in an earlier document's (a re-posted wire story, a new headline, a cut) is linked
to that document's story (`documents.story`: the first document of the story). Candidates come from the
MinHash LSH bands (`doc_bands`), so linking costs the same whatever the size of the store.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import Connection, delete, insert, select, update

from communique.merge.dedup import (
    NEAR_DUPLICATE,
    band_keys,
    containment,
    decode_signature,
    encode_signature,
    signature,
    text_hash,
)
from communique.store.schema import doc_aliases, doc_bands, documents

CHUNK = 500
FILL_BATCH = 2_000


@dataclass(frozen=True, slots=True)
class Identity:
    text_hash: str
    minhash: str | None  # None: too short to compare
    bands: list[str] = field(default_factory=list)


def identity_of(raw_text: str) -> Identity:
    sig = signature(raw_text)
    if sig is None:
        return Identity(text_hash(raw_text), None)
    return Identity(text_hash(raw_text), encode_signature(*sig), band_keys(sig[0]))


def stored_under(conn: Connection, raw_text: str, doc_id: str) -> str | None:
    """The id of another stored document with the same normalised text, if any."""
    return conn.execute(select(documents.c.id).where(documents.c.text_hash == text_hash(raw_text),
                                                     documents.c.id != doc_id)
                        .order_by(documents.c.seq).limit(1)).scalar()


def remember_alias(conn: Connection, alias: str, doc_id: str) -> None:
    """Keep the other id the same text came under (a path, a URL), once."""
    if conn.execute(select(doc_aliases.c.alias).where(doc_aliases.c.alias == alias)).first() is None:
        conn.execute(insert(doc_aliases).values(alias=alias, doc_id=doc_id))


def near_duplicate(conn: Connection, doc_id: str, ident: Identity) -> tuple[str, float] | None:
    """The story (first document) of the earlier document this one nearly duplicates, and the containment."""
    if ident.minhash is None:
        return None
    mine = decode_signature(ident.minhash)
    candidates: set[str] = set()
    for i in range(0, len(ident.bands), CHUNK):
        candidates.update(conn.execute(select(doc_bands.c.doc_id).where(doc_bands.c.band.in_(ident.bands[i:i + CHUNK]),
                                                                        doc_bands.c.doc_id != doc_id)).scalars())
    best: tuple[float, int, str] | None = None
    for chunk in _chunks(sorted(candidates)):
        rows = conn.execute(select(documents.c.id, documents.c.seq, documents.c.minhash, documents.c.story)
                            .where(documents.c.id.in_(chunk), documents.c.minhash.is_not(None))).all()
        for row in rows:
            score = containment(mine, decode_signature(row.minhash))
            if score >= NEAR_DUPLICATE and (best is None or (-score, row.seq) < (-best[0], best[1])):
                best = (score, row.seq, row.story or row.id)
    return None if best is None else (best[2], best[0])


def index_bands(conn: Connection, doc_id: str, ident: Identity) -> None:
    conn.execute(delete(doc_bands).where(doc_bands.c.doc_id == doc_id))
    if ident.bands:
        conn.execute(insert(doc_bands), [{"band": b, "doc_id": doc_id} for b in sorted(set(ident.bands))])


def forget_bands(conn: Connection, doc_id: str) -> None:
    conn.execute(delete(doc_bands).where(doc_bands.c.doc_id == doc_id))


def fill_identity(conn: Connection) -> None:
    """Hashes and bands for every stored document (the v6 migration), linking near-duplicates in ingest order."""
    for batch in _documents_in_order(conn):
        for doc_id, raw_text in batch:
            ident = identity_of(raw_text)
            linked = near_duplicate(conn, doc_id, ident)
            conn.execute(update(documents).where(documents.c.id == doc_id).values(
                text_hash=ident.text_hash, minhash=ident.minhash,
                story=linked[0] if linked else None, story_score=linked[1] if linked else None))
            index_bands(conn, doc_id, ident)


def _documents_in_order(conn: Connection) -> Iterator[list[tuple[str, str]]]:
    last = 0
    while True:
        rows = conn.execute(select(documents.c.seq, documents.c.id, documents.c.raw_text)
                            .where(documents.c.seq > last).order_by(documents.c.seq).limit(FILL_BATCH)).all()
        if not rows:
            return
        last = rows[-1].seq
        yield [(r.id, r.raw_text) for r in rows]


def _chunks(items: list[str]) -> list[list[str]]:
    return [items[i:i + CHUNK] for i in range(0, len(items), CHUNK)]
