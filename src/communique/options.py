"""What a run is asked to do: the options that every reader and stage receives.

Its own module, below everything that uses it, so that stages and readers never import the
orchestrator (`communique.pipeline`) to learn what `Options` is.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Options:
    doc_date: str | None = None  # --doc-date: the date of documents that carry none
    lang: str | None = None  # --lang: force the language of every document
    min_confidence: float = 0.0  # --min-confidence: events below it are left out of the records

    def keeps(self, confidence: float) -> bool:
        """Whether an event of this confidence is kept in the output (the one confidence filter)."""
        return confidence >= self.min_confidence
