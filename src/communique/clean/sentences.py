"""Sentence segmentation (placeholder: one sentence per line)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from communique.document import Document, Sentence

if TYPE_CHECKING:
    from communique.pipeline import Options


def split_sentences(doc: Document, options: Options) -> None:
    doc.sentences = [Sentence(m.start(), m.end()) for m in re.finditer(r"[^\n]+", doc.text)]
