"""Article similarity: do two articles, in any languages, tell the same story? (SemEval-2022 Task 8 scale.)

    a = read_article("a", text_a)           # the pipeline's actor and time stages; title, lead, body chunks
    b = read_article("b", text_b, lang="de")
    sim = compare(a, b)                      # Similarity: score 1 (same story) … 4, parts, shared signals
    sims = compare_many([(a, b), …])         # one encoder batch for all articles

Features (`features.py`): cosines of the multilingual embeddings of title, lead and body chunks (the
pipeline's encoder), overlaps of canonical actors, places, dates, numbers and words. The model
(`communique.models.similarity`) is trained by `python -m training.similarity.train` (see docs/models.md).
"""

from __future__ import annotations

from communique.similarity.article import Article, article_from_document, article_of, from_json, read_article, to_json
from communique.similarity.score import PARTS, PROFILE_MODEL, Similarity, compare, compare_many, embed, nearest

__all__ = [
    "PARTS",
    "PROFILE_MODEL",
    "Article",
    "Similarity",
    "article_from_document",
    "article_of",
    "compare",
    "compare_many",
    "embed",
    "from_json",
    "nearest",
    "read_article",
    "to_json",
]
