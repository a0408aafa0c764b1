"""A text through the whole pipeline, as (type, sorted actor keys) per event: the shape the event tests assert on."""

from __future__ import annotations

from communique.document import Document
from communique.options import Options
from communique.pipeline import process


def events_of(text: str, lang: str, key: str = "name", date: str = "2024-05-01") -> list[tuple[str, list[str]]]:
    """(type, the actors' `key` attribute sorted) of every event of `text` in `lang`, dated `date`."""
    doc = process(Document(id="t", raw_text=text, lang_hint=lang, date=date), Options(doc_date=date))
    return [(e.type, sorted(str(getattr(a, key)) for a in e.actors)) for e in doc.events]
