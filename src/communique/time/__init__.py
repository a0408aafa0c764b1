"""Time: the document date (anchor) and temporal expressions with TIMEX3 values."""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.document import Document

if TYPE_CHECKING:
    from communique.pipeline import Options


def tag_time(doc: Document, options: Options) -> None:
    """Placeholder until the time stage lands: sets the anchor from metadata/--doc-date only."""
    if doc.date is None and options.doc_date:
        doc.date, doc.date_source = options.doc_date, "option"
    doc.timexes = []
