"""Output records in the contract of `shared/spec/event-record.md`, built from a finished Document.

This is the one place where records are assembled, so every field has its evidence span at hand
and every span satisfies `text == doc.text[start:end]`.
"""

from __future__ import annotations

import hashlib
from typing import Any

from communique.document import Document, Event, Mention, Timex
from communique.options import Options


def stable_id(prefix: str, *parts: object) -> str:
    """A short id that depends only on its parts (same input, same id, on every run)."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:16]}"


def actor_record(m: Mention) -> dict[str, Any]:
    return {"id": m.entity_id, "name": m.name, "kind": m.kind, "country": m.country,
            "role": m.role, "mention": m.text}


def event_id(doc: Document, ev: Event) -> str:
    actors = sorted({a.entity_id for a in ev.actors})
    return stable_id("evt", doc.id, ev.type, ev.mode, ev.trigger.start, ev.trigger.end, *actors)


def event_record(doc: Document, ev: Event) -> dict[str, Any]:
    evidence = [{"field": e.field, "start": e.start, "end": e.end, "text": e.text} for e in ev.evidence]
    return {
        "id": event_id(doc, ev),
        "type": ev.type,
        "mode": ev.mode,
        "label": ev.label,
        "status": ev.status,
        "background": ev.background,
        "date": dict(ev.date),
        "location": dict(ev.location) if ev.location else {"name": None, "country": None, "evidence": None},
        "actors": [actor_record(a) for a in ev.actors],
        "topics": list(ev.topics),
        "agreements": [dict(a) for a in ev.agreements],
        "sources": [{"doc": doc.id, "lang": doc.lang, "evidence": evidence}],
        "confidence": round(ev.confidence, 3),
    }


def event_records(doc: Document, options: Options) -> list[dict[str, Any]]:
    """The records of the document's events that pass `--min-confidence`, in document order."""
    return [event_record(doc, ev) for ev in doc.events if options.keeps(ev.confidence)]


def mention_record(doc: Document, m: Mention) -> dict[str, Any]:
    return {"doc": doc.id, "start": m.start, "end": m.end, "text": m.text, "kind": m.kind,
            "id": m.entity_id, "name": m.name, "country": m.country, "role": m.role}


def timex_record(doc: Document, t: Timex) -> dict[str, Any]:
    rec: dict[str, Any] = {"doc": doc.id, "start": t.start, "end": t.end, "text": t.text,
                           "type": t.type, "value": t.value}
    if t.end_value:
        rec["end_value"] = t.end_value
    return rec


def document_record(doc: Document) -> dict[str, Any]:
    return {"id": doc.id, "source": doc.source, "title": doc.title, "url": doc.url, "date": doc.date,
            "date_source": doc.date_source, "date_evidence": doc.date_evidence, "lang": doc.lang,
            "lang_score": round(doc.lang_score, 3),
            "chars": len(doc.text), "sentences": len(doc.sentences),
            "removed": [{"text": r.text, "reason": r.reason} for r in doc.removed],
            "warnings": list(doc.warnings)}
