"""Builds the pool of real news sentences that annotators label for the event model.

    python -m training.events.make_pool > training/events/data/pool-news.jsonl

Sources (both real news, Apache-2.0, see ../shared/corpus/licenses): the news sample and the article
pairs of SemEval-2022 Task 8 training data, as shipped in ../shared/corpus. Sentences are split with a
plain punctuation rule (the annotators see each sentence with its neighbours), de-duplicated, and drawn
deterministically: half from sentences that name a political actor the knowledge base knows (so that the
pool holds events at all), half at random (so that "no event" is real news, not a leftover).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
PER_LANG = {"en": 700, "de": 650, "es": 500, "tr": 450, "pl": 400, "ar": 400, "fr": 300}
SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+(?=[\"'«“A-ZÀ-ÖØ-ÞĀ-ſА-Я\u0600-\u06FF0-9])")


def documents() -> list[tuple[str, str, str]]:
    """(source id, lang, text) of every article of the news sample and the training pairs."""
    out = []
    for line in (SHARED / "corpus" / "news-sample.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        out.append((f"news-sample:{d['id']}", d["lang"], d["text"]))
    for line in (SHARED / "corpus" / "semeval2022-train-pairs.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        for k in ("1", "2"):
            out.append((f"semeval2022-train-pairs:{d['pair_id']}:text{k}", d["lang" + k], d["text" + k]))
    return out


def sentences(text: str) -> list[str]:
    parts = []
    for para in re.split(r"\n+", text):
        parts += [s.strip() for s in SENTENCE_END.split(para) if s.strip()]
    return parts


def key(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def main() -> None:
    from communique.document import Document
    from communique.pipeline import Options, process

    seen: set[str] = set()
    by_lang: dict[str, list[dict]] = {}
    for source, lang, text in documents():
        sents = sentences(text)
        for i, s in enumerate(sents):
            if not (40 <= len(s) <= 400) or key(s) in seen:
                continue
            seen.add(key(s))
            by_lang.setdefault(lang, []).append({
                "id": "pool-" + key(s)[:12], "lang": lang, "text": s,
                "context_before": sents[i - 1] if i else "",
                "context_after": sents[i + 1] if i + 1 < len(sents) else "",
                "source": source})
    out = []
    for lang, want in PER_LANG.items():
        items = sorted(by_lang.get(lang, []), key=lambda r: r["id"])
        political, rest = [], []
        for r in items:
            doc = process(Document(id=r["id"], raw_text=r["text"], lang_hint=lang), Options(lang=lang), until="actors")
            named = any(m.kind in ("country", "person", "organization") and m.source == "kb" for m in doc.mentions)
            (political if named else rest).append(r)
        pick = political[: want // 2]
        pick += rest[: want - len(pick)]
        for r in pick:
            r["drawn"] = "political" if r in political else "random"
        out += pick
    for r in sorted(out, key=lambda r: (r["lang"], r["id"])):
        sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
