"""Debris removal (placeholder until the reader/cleaner work lands: keeps the text as is)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.document import Document

if TYPE_CHECKING:
    from communique.pipeline import Options


def clean_text(doc: Document, options: Options) -> None:
    doc.text = doc.raw_text
    doc.offset_map = list(range(len(doc.raw_text)))
