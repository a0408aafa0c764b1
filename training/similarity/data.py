"""The SemEval-2022 Task 8 training pairs (697, /work/shared/corpus/semeval2022-train-pairs.jsonl) as articles.

Each line: pair_id ("<article id>_<article id>"), lang1, lang2, text1, text2 and the gold scores on the 1-4
scale (1 = same story): Geography, Entities, Time, Narrative, Overall, Style, Tone. Articles are keyed by
their id in pair_id (a few articles appear in more than one pair; cross-validation groups by them).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from communique.document import Document
from communique.options import Options
from communique.pipeline import process
from communique.similarity.article import title_and_chunks

PAIRS = Path(os.environ.get("COMMUNIQUE_SIMILARITY_PAIRS", "/work/shared/corpus/semeval2022-train-pairs.jsonl"))
PARTS = ("Geography", "Entities", "Time", "Narrative")
TARGETS = ("Overall", *PARTS)


@dataclass(frozen=True, slots=True)
class Pair:
    pair_id: str
    id1: str
    id2: str
    lang1: str
    lang2: str
    text1: str
    text2: str
    gold: dict[str, float]


def load_pairs(path: Path) -> list[Pair]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        id1, _, id2 = row["pair_id"].partition("_")
        pairs.append(Pair(row["pair_id"], id1, id2, row["lang1"], row["lang2"], row["text1"], row["text2"],
                          {t: float(row[t]) for t in TARGETS if t in row}))
    return pairs


def articles(pairs: list[Pair]) -> dict[str, tuple[str, str]]:
    """Article id -> (language, text), each article once."""
    out: dict[str, tuple[str, str]] = {}
    for p in pairs:
        out.setdefault(p.id1, (p.lang1, p.text1))
        out.setdefault(p.id2, (p.lang2, p.text2))
    return out


def pieces_by_article(pairs: list[Pair]) -> dict[str, tuple[str, ...]]:
    """Article id -> (title, lead, body chunks…), cut as at run time (clean, language and sentences stages)."""
    out = {}
    for doc_id, (lang, text) in sorted(articles(pairs).items()):
        doc = Document(id=doc_id, raw_text=text, lang_hint=lang)
        process(doc, Options(lang=lang), until="sentences")
        title, chunks = title_and_chunks(doc)
        out[doc_id] = (title, *chunks)
    return out
