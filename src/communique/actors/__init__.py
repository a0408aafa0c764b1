"""Actors: recognition of persons, organizations, countries and places, resolved to entities."""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.document import Document

if TYPE_CHECKING:
    from communique.pipeline import Options


def recognize_actors(doc: Document, options: Options) -> None:
    """Placeholder until the actors stage lands: finds nothing (and claims nothing)."""
    doc.mentions = []
