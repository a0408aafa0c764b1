"""Vietnamese named entities with underthesea's CRF tagger (bundled in the package, GPL-3.0), one sentence at
a time: it tags the words of its own word segmentation, which are found back in the text in order."""

from __future__ import annotations

import re

from communique.actors.ner import Backend, EntitySpan

_KINDS = {"PER": "person", "ORG": "organization", "LOC": "location"}
# The tagger reads sentences; a line or a sentence end is a boundary.
_SENTENCE_RE = re.compile(r"[^\n.!?]+[.!?]*")


def load() -> Backend:
    from underthesea import ner  # lazy: an optional backend, imported with its model when a language uses it

    def recognize(text: str) -> list[EntitySpan]:
        out: list[EntitySpan] = []
        for m in _SENTENCE_RE.finditer(text):
            if m.group().strip():
                out += _sentence_entities(ner(m.group()), text, m.start())
        return out

    return recognize


def _sentence_entities(tagged: list[tuple[str, ...]], text: str, pos: int) -> list[EntitySpan]:
    """BIO tags over the tagger's words -> spans in `text` (words are located in order from `pos`)."""
    out: list[EntitySpan] = []
    current: list[int] | None = None  # [start, end] of the open entity
    kind = ""
    for word, *_, tag in tagged:
        start = text.find(word, pos)
        if start < 0:
            continue  # the tagger normalised the word; it cannot be placed
        end = pos = start + len(word)
        label = tag[2:] if tag[:2] in ("B-", "I-") else ""
        if tag.startswith("I-") and current is not None and label == kind:
            current[1] = end
            continue
        if current is not None:
            out.append(EntitySpan(current[0], current[1], _KINDS[kind]))
            current = None
        if label in _KINDS:
            current, kind = [start, end], label
    if current is not None:
        out.append(EntitySpan(current[0], current[1], _KINDS[kind]))
    return out
