"""Language identification (placeholder)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.document import Document

if TYPE_CHECKING:
    from communique.pipeline import Options


def identify_language(doc: Document, options: Options) -> None:
    doc.lang = options.lang or doc.lang_hint or "und"
