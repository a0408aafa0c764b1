"""What an event was about: cooperation topics and the agreements signed.

A meeting's topics come from the stretch of the article that reports it: from its first trigger's
sentence up to the next meeting of the article, leaving out sentences that report a signing (they
belong to the signing). A signing's topics and agreements come from its own sentences; a
background event's from its own window only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from communique.actors.kb import load_kb
from communique.document import Document, Span
from communique.events.lexicon import Lexicon
from communique.events.participants import Draft

PARTY_TYPES = frozenset({"party", "party_body"})
_NUMBER = re.compile(r"(\d{1,3})|(\w+)")


@dataclass(slots=True)
class Found:
    name: str
    span: Span


def sentences_of(draft: Draft) -> list[Span]:
    spans = {(d.cand.sentence.start, d.cand.sentence.end) for d in [draft, *draft.absorbed]}
    return [Span(s, e) for s, e in sorted(spans)]


def windows_of(draft: Draft) -> list[Span]:
    spans = {(d.cand.window.start, d.cand.window.end) for d in [draft, *draft.absorbed]}
    return [Span(s, e) for s, e in sorted(spans)]


def segments(doc: Document, events: Sequence[Draft]) -> dict[int, list[Span]]:
    """The text spans whose topics belong to each event (keyed by id of the draft)."""
    meetings = sorted((e for e in events if e.type == "CONSULT" and not e.background),
                      key=lambda e: e.cand.sentence.start)
    signing_sentences = {s.start for e in events if e.type == "AGREE" for s in sentences_of(e)}
    out: dict[int, list[Span]] = {}
    for i, event in enumerate(meetings):
        lo = event.cand.sentence.start
        hi = len(doc.text)
        for later in meetings[i + 1 :]:
            if later.cand.sentence.start > lo:
                hi = later.cand.sentence.start
                break
        out[id(event)] = [Span(s.start, s.end) for s in doc.sentences
                          if lo <= s.start < hi and s.start not in signing_sentences]
    for event in events:
        if id(event) in out:
            continue
        out[id(event)] = [event.cand.window] if event.background else windows_of(event)
    return out


def topics_in(doc: Document, lex: Lexicon, spans: Sequence[Span]) -> list[Found]:
    """First evidence of each topic in the spans, skipping words inside names ("Committee for Economic,
    Trade and Scientific Cooperation" names a body, not a topic of the talks)."""
    names = [m for m in doc.mentions if m.kind == "organization"]
    found: dict[str, Found] = {}
    for span in spans:
        for topic, start, end in lex.find_topics(doc.text, span.start, span.end):
            if any(m.start <= start and end <= m.end for m in names):
                continue
            found.setdefault(topic, Found(topic, Span(start, end)))
    return list(found.values())


def party_topic(draft: Draft) -> Found | None:
    """Party-to-party relations: an event with a political party among its participants."""
    kb = load_kb()
    for m in draft.actors:
        entity = kb.entities.get(m.entity_id)
        if m.kind == "organization" and entity is not None and entity.type in PARTY_TYPES:
            return Found("party", m.span)
    return None


def agreements_in(doc: Document, lex: Lexicon, spans: Sequence[Span]) -> list[tuple[dict[str, object], Span]]:
    """Agreement kinds with counts ("5 MoU", "два протокола") and a short subject, one per kind."""
    best: dict[str, tuple[dict[str, object], Span]] = {}
    for span in spans:
        for kind, start, end in lex.find_agreements(doc.text, span.start, span.end):
            count = _count_before(doc.text, start, lex)
            subject = _subject_after(doc.text, end, span.end)
            prior = best.get(kind)
            if prior is None or (count or 1) > int(str(prior[0]["count"])):
                best[kind] = ({"kind": kind, "count": count or 1, "subject": subject}, Span(start, end))
    return list(best.values())


def _count_before(text: str, start: int, lex: Lexicon) -> int | None:
    """A number right before the agreement word: "5 MoU", "zwei Abkommen", "hai bản ghi nhớ"."""
    words = _NUMBER.findall(text[max(0, start - 24) : start])
    for digits, word in reversed(words[-2:]):
        if digits:
            return int(digits)
        value = lex.number(word)
        if value is not None:
            return value
    return None


def _subject_after(text: str, end: int, limit: int) -> str | None:
    tail = text[end : min(limit, end + 120)]
    cut = re.split(r"[;:.()\n]", tail, maxsplit=1)[0].strip(" ,–-")
    return cut or None
