"""What the language-folder tests read of a run: one sentence of a language through the pipeline (every mention
checked against its offsets), its events as (type, mode, actor ids), its time expressions."""

from __future__ import annotations

from communique.document import Document
from communique.options import Options as TimeOptions
from communique.pipeline import Options, process
from communique.time import tag_time


def run(text: str, lang: str, date: str, until: str = "events") -> Document:
    doc = Document(id=f"{lang}-test", raw_text=text, lang_hint=lang)
    done = process(doc, Options(doc_date=date), until=until)
    for m in done.mentions:
        assert m.text == text[m.start : m.end]
    return done


def events(text: str, lang: str, date: str) -> list[tuple[str, str | None, list[str | None]]]:
    """(type, mode, actor entity ids) of the events."""
    return [(e.type, e.mode, [a.entity_id for a in e.actors]) for e in run(text, lang, date).events]


def timexes(text: str, lang: str, date: str) -> list[tuple[str, str, str | None]]:
    """(text, type, value) of the time expressions of a cleaned text."""
    doc = Document(id="t", raw_text=text, text=text, date=date, lang=lang)
    tag_time(doc, TimeOptions())
    return [(t.text, t.type, t.value) for t in doc.timexes]
