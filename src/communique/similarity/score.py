"""Scoring pairs of articles with the trained model: the Overall score on the SemEval 1-4 scale and its parts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from communique.models import encoder
from communique.models import similarity as trained
from communique.similarity.article import CHUNK_CHARS, MAX_CHUNKS, TITLE_CHARS, Article
from communique.similarity.features import FEATURES, pair_features

PARTS = ("Geography", "Entities", "Time", "Narrative")
# The SemEval-2022 Task 8 scale, in the guidelines' words (a score is read by the nearest of them).
SCALE = {1: "very similar (same story)", 2: "somewhat similar", 3: "somewhat dissimilar", 4: "very dissimilar"}


@dataclass(frozen=True, slots=True)
class Similarity:
    """How alike two articles are: 1 = the same story … 4 = unrelated (SemEval-2022 Task 8 scale)."""

    score: float  # Overall
    parts: dict[str, float]  # Geography, Entities, Time, Narrative on the same scale
    features: dict[str, float]  # the model's inputs (cosines, overlaps), for the curious
    shared: dict[str, list[str]]  # the entities, places and dates both articles name

    @property
    def verdict(self) -> str:
        return SCALE[min(4, max(1, round(self.score)))]


def embed(article: Article) -> np.ndarray:
    """Unit embeddings of the article's title and chunks ("query" convention: symmetric similarity)."""
    return encoder.encode(list(article.pieces), "query")


def compare(a: Article, b: Article, va: np.ndarray | None = None, vb: np.ndarray | None = None) -> Similarity:
    """The similarity of two articles (their embeddings are computed when not given)."""
    return compare_many([(a, b)], {a.id: va, b.id: vb} if va is not None and vb is not None else None)[0]


def compare_many(pairs: Sequence[tuple[Article, Article]],
                 vectors: dict[str, np.ndarray | None] | None = None) -> list[Similarity]:
    """The similarities of many pairs; embeddings are computed in one batch for the articles not in `vectors`."""
    known = {k: v for k, v in (vectors or {}).items() if v is not None}
    missing = {a.id: a for pair in pairs for a in pair if a.id not in known}
    texts = [p for a in missing.values() for p in a.pieces]
    flat = encoder.encode(texts, "query") if texts else np.empty((0, encoder.DIM), dtype=np.float32)
    start = 0
    for doc_id, article in missing.items():
        known[doc_id] = flat[start : start + len(article.pieces)]
        start += len(article.pieces)
    if not pairs:
        return []
    model = trained.load()
    _check_features(model.features)
    x = np.array([pair_features(a, known[a.id], b, known[b.id]) for a, b in pairs])
    scores = model.predict(x)
    return [Similarity(score=round(float(scores["Overall"][i]), 3),
                       parts={p: round(float(scores[p][i]), 3) for p in PARTS if p in scores},
                       features={f: round(float(v), 4) for f, v in zip(FEATURES, x[i], strict=True)},
                       shared=shared_signals(a, b))
            for i, (a, b) in enumerate(pairs)]


def shared_signals(a: Article, b: Article) -> dict[str, list[str]]:
    return {"entities": sorted(a.entities & b.entities), "places": sorted(a.places & b.places),
            "dates": sorted(a.dates & b.dates)}


def _check_features(names: tuple[str, ...]) -> None:
    if names != FEATURES:  # a model trained on other features would score garbage silently
        raise RuntimeError(f"the shipped similarity model expects features {names}, this code computes {FEATURES}; "
                           "retrain it with `make models`")


# Names the embeddings and cut of a stored profile: a change of encoder or of the article cut recomputes them.
PROFILE_MODEL = f"{encoder.MODEL_ID}/title{TITLE_CHARS}/chunk{CHUNK_CHARS}x{MAX_CHUNKS}/v1"
SHORTLIST = 50  # candidates the model scores for `nearest`, picked by the cosine of whole-article vectors


def nearest(target: Article, target_vectors: np.ndarray, others: Sequence[tuple[Article, np.ndarray]],
            top: int = 10) -> list[tuple[Article, Similarity]]:
    """The `top` articles of `others` most alike `target` (lowest score first; ties by id), any language.

    A shortlist by the cosine of mean piece vectors, then the model on it: linear in the number of articles.
    """
    candidates = [(a, v) for a, v in others if a.id != target.id]
    if not candidates:
        return []
    centre = _unit(target_vectors.astype(np.float64).mean(axis=0))
    means = np.array([_unit(v.astype(np.float64).mean(axis=0)) for _, v in candidates])
    order = np.argsort(-(means @ centre), kind="stable")[: max(SHORTLIST, top)]
    shortlist = [candidates[i] for i in order]
    vectors: dict[str, np.ndarray | None] = {target.id: target_vectors, **{a.id: v for a, v in shortlist}}
    sims = compare_many([(target, a) for a, _ in shortlist], vectors)
    ranked = sorted(zip((a for a, _ in shortlist), sims, strict=True), key=lambda p: (p[1].score, p[0].id))
    return ranked[:top]


def _unit(x: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(x))
    return x / norm if norm else x
