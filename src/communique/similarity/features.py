"""The features of a pair of articles: embedding similarities of their parts and overlaps of their signals.

Every feature is symmetric (the pair (a, b) gives the features of (b, a)) and language-free: embeddings put
all languages in one space, and entities, places and dates are canonical ids and ISO values.
"""

from __future__ import annotations

import math

import numpy as np

from communique.similarity.article import Article

FEATURES: tuple[str, ...] = (
    "cos_title", "cos_lead", "cos_body", "cos_article", "cos_title_lead", "best_match", "max_match",
    "entities_jaccard", "entities_shared", "entities_none",
    "places_jaccard", "places_shared", "places_none",
    "dates_jaccard", "months_jaccard", "dates_shared", "dates_none",
    "numbers_jaccard", "words_jaccard", "same_language", "length_ratio",
)


def pair_features(a: Article, va: np.ndarray, b: Article, vb: np.ndarray) -> np.ndarray:
    """The FEATURES of a pair; `va`/`vb` are the unit embeddings of `a.pieces`/`b.pieces` (title first)."""
    va64, vb64 = va.astype(np.float64), vb.astype(np.float64)
    sims = va64 @ vb64.T  # (pieces of a, pieces of b)
    values = {
        "cos_title": sims[0, 0],
        "cos_lead": sims[1, 1],
        "cos_body": _cos(va64[1:].mean(axis=0), vb64[1:].mean(axis=0)),
        "cos_article": _cos(va64.mean(axis=0), vb64.mean(axis=0)),
        "cos_title_lead": (sims[0, 1] + sims[1, 0]) / 2,
        "best_match": (sims.max(axis=1).mean() + sims.max(axis=0).mean()) / 2,
        "max_match": sims.max(),
        **_overlap("entities", a.entities, b.entities),
        **_overlap("places", a.places, b.places),
        "dates_jaccard": _jaccard(a.dates, b.dates),
        "months_jaccard": _jaccard(a.months, b.months),
        "dates_shared": math.log1p(len(a.dates & b.dates)),
        "dates_none": float(not a.months or not b.months),
        "numbers_jaccard": _jaccard(a.numbers, b.numbers),
        "words_jaccard": _jaccard(a.words, b.words),
        "same_language": float(a.lang == b.lang),
        "length_ratio": min(a.length, b.length) / max(a.length, b.length, 1),
    }
    return np.array([values[name] for name in FEATURES], dtype=np.float64)


def _overlap(name: str, x: frozenset[str], y: frozenset[str]) -> dict[str, float]:
    return {f"{name}_jaccard": _jaccard(x, y), f"{name}_shared": math.log1p(len(x & y)),
            f"{name}_none": float(not x or not y)}


def _jaccard(x: frozenset[str], y: frozenset[str]) -> float:
    union = len(x | y)
    return len(x & y) / union if union else 0.0


def _cos(x: np.ndarray, y: np.ndarray) -> float:
    norm = float(np.linalg.norm(x) * np.linalg.norm(y))
    return float(x @ y) / norm if norm else 0.0
