"""Story clusters: the stored articles that tell one story, in any language (issue #18).

Incremental: when a document is written, its similarity profile (the article-similarity model's view of
it: canonical actors, places, dates, and the embeddings of its title and lead) is stored, and the document
is placed at once, never re-clustering the store:
1. a near-duplicate of a stored document (store/identity.py) joins that document's story;
2. else the candidates are the stored documents whose day (`cluster_day`: the document date, else the day
   it was ingested) lies within WINDOW_DAYS of its own, ranked by the cosine of their mean embeddings;
   the NEIGHBOURS nearest are scored by the trained similarity model (SemEval 1-4 scale, 1 = same story);
3. it joins the story of the best-scored candidate (lowest score, then lowest id) when that score is
   <= SAME_STORY; else it starts a story of its own, `story_` + a hash of its id (deterministic).
So placing a document reads one date window (near-linear in the store), and re-ingesting an unchanged
document (skipped before the pipeline) adds nothing. A story is never split or joined afterwards: a late
document that bridges two stories joins the closer one.

SAME_STORY was chosen on the SemEval-2022 training pairs by nested grouped cross-validation
(`python -m training.stories.threshold`, training/stories/results.json; docs/stories.md).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import numpy as np
from sqlalchemy import Connection, delete, insert, select, update

from communique.models.encoder import DIM
from communique.records import stable_id
from communique.similarity import PROFILE_MODEL, Article, compare_many, embed, from_json, to_json
from communique.store.schema import documents, similarity_profiles, stories

SAME_STORY = 1.95  # Overall score at or below which two articles are one story (training/stories/results.json)
WINDOW_DAYS = 7  # candidates: documents whose day is at most this far from the new one's
NEIGHBOURS = 20  # candidates the model scores, the nearest by embedding
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a document went: its story, and the document and score that put it there (None: it founded it)."""

    story: str
    via: str | None
    score: float | None


def cluster_day(date: str | None, ingested_at: str) -> str:
    """The day a document's story window is centred on: its own full date, else the day it was ingested."""
    if date and _DAY.match(date):
        return date
    return ingested_at[:10]


def place_document(conn: Connection, doc_id: str, article: Article, day: str,
                   near_duplicate_of: str | None) -> Placement:
    """Store the document's similarity profile and put it in a story (see the module docstring)."""
    vectors = embed(article)
    conn.execute(delete(similarity_profiles).where(similarity_profiles.c.doc_id == doc_id))
    conn.execute(insert(similarity_profiles).values(doc_id=doc_id, model=PROFILE_MODEL, profile=to_json(article),
                                                    vectors=vectors.astype(np.float32).tobytes()))
    placement = _placement(conn, doc_id, article, vectors, day, near_duplicate_of)
    conn.execute(update(documents).where(documents.c.id == doc_id).values(
        cluster=placement.story, cluster_via=placement.via, cluster_score=placement.score, cluster_day=day))
    refresh_story(conn, placement.story)
    return placement


def _placement(conn: Connection, doc_id: str, article: Article, vectors: np.ndarray, day: str,
               near_duplicate_of: str | None) -> Placement:
    if near_duplicate_of is not None:
        story = conn.execute(select(documents.c.cluster).where(documents.c.id == near_duplicate_of)).scalar()
        if story is not None:
            return Placement(story, near_duplicate_of, 1.0)
    best = _best_candidate(conn, doc_id, article, vectors, day)
    if best is not None and best[2] <= SAME_STORY:
        return Placement(best[1], best[0], best[2])
    return Placement(stable_id("story", doc_id), None, None)


def _best_candidate(conn: Connection, doc_id: str, article: Article, vectors: np.ndarray,
                    day: str) -> tuple[str, str, float] | None:
    """(document, its story, score) of the best-scored neighbour in the date window; None when there is none."""
    rows = _window(conn, doc_id, day)  # id order: ties between equal cosines stay deterministic
    if not rows:
        return None
    centre = _unit(vectors.astype(np.float64).mean(axis=0))
    others = [np.frombuffer(r.vectors, dtype=np.float32).reshape(-1, DIM) for r in rows]
    cosines = np.array([float(_unit(v.astype(np.float64).mean(axis=0)) @ centre) for v in others])
    order = [int(i) for i in np.argsort(-cosines, kind="stable")[:NEIGHBOURS]]
    profiles = _profiles(conn, [rows[i].id for i in order])  # only the shortlist's JSON is read
    shortlist = [(from_json(profiles[rows[i].id]), others[i], rows[i].cluster) for i in order]
    known: dict[str, np.ndarray | None] = {article.id: vectors, **{a.id: v for a, v, _ in shortlist}}
    sims = compare_many([(article, a) for a, _, _ in shortlist], known)
    score, other, story = min((s.score, a.id, story) for (a, _, story), s in zip(shortlist, sims, strict=True))
    return other, story, score


def _window(conn: Connection, doc_id: str, day: str) -> list[Any]:  # rows (id, cluster, vectors)
    """Placed documents (with a profile of the current model) whose day is within WINDOW_DAYS of `day`."""
    lo, hi = _shift(day, -WINDOW_DAYS), _shift(day, WINDOW_DAYS)
    d, p = documents.c, similarity_profiles.c
    return list(conn.execute(
        select(d.id, d.cluster, p.vectors).join(similarity_profiles, p.doc_id == d.id)
        .where(d.cluster_day >= lo, d.cluster_day <= hi, d.cluster.is_not(None), d.id != doc_id,
               p.model == PROFILE_MODEL)
        .order_by(d.id)).all())


def _profiles(conn: Connection, doc_ids: list[str]) -> dict[str, str]:
    p = similarity_profiles.c
    return {r.doc_id: r.profile for r in conn.execute(select(p.doc_id, p.profile).where(p.doc_id.in_(doc_ids)))}


def titles_read(conn: Connection, doc_ids: list[str]) -> dict[str, str]:
    """The titles the similarity model read (a reader's title, else the text's first line or sentence)."""
    return {doc_id: str(json.loads(profile).get("title") or "") for doc_id, profile in _profiles(conn, doc_ids).items()}


def _shift(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


def _unit(x: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(x))
    return x / norm if norm else x


def refresh_story(conn: Connection, story_id: str) -> None:
    """Recompute a story's summary row from its documents (dropped when it has none left)."""
    d = documents.c
    rows = conn.execute(select(d.id, d.title, d.url, d.lang, d.cluster_day, d.text)
                        .where(d.cluster == story_id).order_by(d.cluster_day, d.seq)).all()
    conn.execute(delete(stories).where(stories.c.id == story_id))
    if not rows:
        return
    first = rows[0]
    title = first.title or titles_read(conn, [first.id]).get(first.id) or first_line(first.text or "")
    conn.execute(insert(stories).values(
        id=story_id, title=title, first_doc=first.id,
        first_seen=first.cluster_day, last_seen=max(r.cluster_day for r in rows), n_docs=len(rows),
        langs=",".join(sorted({r.lang for r in rows if r.lang})),
        outlets=",".join(sorted({o for r in rows if (o := outlet(r.url))}))))


def story_of_document(conn: Connection, doc_id: str) -> str | None:
    return conn.execute(select(documents.c.cluster).where(documents.c.id == doc_id)).scalar()


def outlet(url: str | None) -> str | None:
    """The host of a URL without "www." (the outlet that published it); None without a URL."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def first_line(text: str, limit: int = 120) -> str:
    line = text.strip().split("\n", 1)[0]
    return line[:limit]
