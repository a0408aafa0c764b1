"""Events: PLOVER events with participants, place, date, topics, agreements and status."""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.document import Document

if TYPE_CHECKING:
    from communique.pipeline import Options


def extract_events(doc: Document, options: Options) -> None:
    """Placeholder until the events stage lands: finds no events (and claims none)."""
    doc.events = []
