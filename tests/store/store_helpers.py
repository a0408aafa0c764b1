"""Hand-built documents and records for store tests (the contract form, independent of extraction)."""

from __future__ import annotations

import json
from typing import Any

from communique.document import Document
from communique.store.write import ProcessedDocument

Actor = tuple[str, str, str, str]
TRUNG: Actor = ("local:le-hoai-trung", "Lê Hoài Trung", "person", "VN")
PUTIN: Actor = ("Q7747", "Vladimir Putin", "person", "RU")
LAVROV: Actor = ("local:sergey-lavrov", "Sergey Lavrov", "person", "RU")
HANG: Actor = ("local:le-thi-thu-hang", "Lê Thị Thu Hằng", "person", "VN")
RUDENKO: Actor = ("local:andrey-rudenko", "Andrey Rudenko", "person", "RU")
JAISHANKAR: Actor = ("local:subrahmanyam-jaishankar", "Subrahmanyam Jaishankar", "person", "IN")
IWAYA: Actor = ("local:takeshi-iwaya", "Takeshi Iwaya", "person", "JP")


def record(event_id: str, doc: str, lang: str, actors: list[Actor], date: str | None = "2025-03-08",
           type_: str = "CONSULT", mode: str | None = "meet", topics: list[str] | None = None,
           location: tuple[str | None, str | None] = (None, None), confidence: float = 0.8) -> dict[str, Any]:
    return {
        "id": event_id, "type": type_, "mode": mode, "label": "talks", "status": "occurred", "background": False,
        "date": {"start": date, "end": None, "precision": "day" if date else None},
        "location": {"name": location[0], "country": location[1], "evidence": None},
        "actors": [{"id": i, "name": n, "kind": k, "country": c, "role": None, "mention": n} for i, n, k, c in actors],
        "topics": topics or [], "agreements": [],
        "sources": [{"doc": doc, "lang": lang,
                     "evidence": [{"field": "trigger", "start": 0, "end": 5, "text": "talks"}]}],
        "confidence": confidence,
    }


def scripted_document(doc_id: str, lang: str, body: str, events: list[dict[str, Any]],
                      date: str | None = "2025-03-09") -> Document:
    """A document whose text carries the records a scripted pipeline will 'find' in it."""
    raw = json.dumps({"lang": lang, "body": body, "events": events}, ensure_ascii=False)
    return Document(id=doc_id, raw_text=raw, source=f"{doc_id}.json", date=date)


def scripted_pipeline(doc: Document, options: Any) -> ProcessedDocument:
    """Stands in for the extraction pipeline: reads the records the document carries (the store is real)."""
    data = json.loads(doc.raw_text)
    return ProcessedDocument(text=data["body"], lang=data["lang"], date=doc.date, record={"id": doc.id},
                             events=data["events"])
