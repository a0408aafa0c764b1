"""A mention before resolution (the recognisers' output, the resolver's input)."""

from __future__ import annotations

from dataclasses import dataclass, field

from communique.actors.gazetteer import Candidate


@dataclass(slots=True)
class Draft:
    """A mention before resolution: where it is and what it may be."""

    start: int
    end: int
    kind: str
    candidates: tuple[Candidate, ...] = ()
    source: str = "kb"
    country: str | None = None  # stated in the text (title complement, demonym) or implied by name shape
    role: str | None = None
    role_span: tuple[int, int] | None = None
    org: Candidate | None = None  # the organization the role belongs to
    name_tokens: tuple[str, ...] = ()  # for unknown names: the tokens as written
    confidence: float = 1.0
    extra: dict[str, str] = field(default_factory=dict)
