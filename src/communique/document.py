"""The one object that flows through the pipeline.

A `Document` holds the text as read (`raw_text`), the cleaned text that every offset refers to
(`text`), and typed annotation layers that the stages add in order:

    read -> clean -> language -> sentences -> actors (mentions) -> time (timexes) -> events

A stage adds its own layer and reads only the layers of earlier stages; it never rewrites them.
All spans are half-open character offsets `(start, end)` into `Document.text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range into the cleaned text."""

    start: int
    end: int

    def text(self, doc_text: str) -> str:
        return doc_text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of the raw text that cleaning dropped, and why (for `show` and tests)."""

    raw_start: int
    raw_end: int
    text: str
    reason: str


@dataclass(slots=True)
class Sentence:
    start: int
    end: int


@dataclass(slots=True)
class Mention:
    """An actor or place mention, resolved (where possible) to a canonical entity.

    kind: person | organization | country | location | media (a news medium: never an event actor).
    entity_id: a Wikidata QID from the knowledge base, or a stable local id (`loc:…`, `per:…`).
    name: the canonical name (Vietnamese spelling with diacritics for Vietnamese people, the
    usual English spelling otherwise).
    role / role_span: the role as a canonical English title, and where the article states it.
    country: ISO 3166-1 alpha-2 of the actor (a person's or organization's country).
    """

    start: int
    end: int
    text: str
    kind: str
    entity_id: str
    name: str
    country: str | None = None
    role: str | None = None
    role_span: Span | None = None
    org_id: str | None = None  # the organization a role belongs to (party, ministry), if known
    source: str = ""  # how it was found: "kb", "title", "shape", "coref", ...
    confidence: float = 1.0

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(slots=True)
class Timex:
    """A temporal expression with its TIMEX3 value.

    value: `2025-02-21`, `2024-06`, `2025`, `XXXX-02-21`, `PRESENT_REF`, `P3D`, or None when the
    expression is recognised but its value cannot be known ("recently").
    end_value: the last day/month of a range ("vom 20. bis 23. Januar 2024"), else None.
    precision: day | month | year | range | None.
    relative: True when the value was computed from the anchor (document date).
    is_target: True for a year as a goal ("Vision to 2030"): never an event date.
    """

    start: int
    end: int
    text: str
    type: str = "DATE"
    value: str | None = None
    end_value: str | None = None
    precision: str | None = None
    relative: bool = False
    is_target: bool = False
    first_end: int | None = None  # a range: where its first part ends ("20" of "20 to 23 January")
    second_start: int | None = None  # and where its second part starts ("23 January")
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, LESS_THAN, MORE_THAN...

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(slots=True)
class Evidence:
    field: str  # trigger | actor | date | location | topic | agreement | status
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Event:
    """An event found in one document (before cross-document merging)."""

    type: str
    mode: str | None
    label: str
    trigger: Span
    status: str = "occurred"
    background: bool = False
    date: dict[str, Any] = field(default_factory=lambda: {"start": None, "end": None, "precision": None})
    location: dict[str, Any] | None = None
    actors: list[Mention] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    agreements: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5


@dataclass(slots=True)
class Document:
    """A news document and every annotation the pipeline added to it."""

    id: str
    raw_text: str
    source: str = ""  # the file it came from (for error messages)
    title: str | None = None
    url: str | None = None
    date: str | None = None  # ISO date of publication (the anchor), when known
    date_source: str | None = None  # metadata | option | date-line | url | stamp | dateline | None
    # where an inferred date was found: {"how", "text"} and, in the cleaned text, {"start", "end"}
    date_evidence: dict[str, Any] | None = None
    lang_hint: str | None = None  # a language given by the input (JSONL `lang`, --lang)
    # -- clean
    text: str = ""
    offset_map: list[int] = field(default_factory=list)  # cleaned index -> raw index
    removed: list[Removed] = field(default_factory=list)
    # -- language
    lang: str = "und"
    lang_score: float = 0.0
    # -- sentences
    sentences: list[Sentence] = field(default_factory=list)
    # -- actors, time, events
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # -- problems that did not stop processing (shown by `show`, reported on stderr)
    warnings: list[str] = field(default_factory=list)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains `offset` (binary search; sentences are sorted)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s
        return None

    def raw_offset(self, offset: int) -> int:
        """Map an offset in the cleaned text back to the raw text."""
        if not self.offset_map:
            return offset
        if offset >= len(self.offset_map):
            return self.offset_map[-1] + 1 if self.offset_map else offset
        return self.offset_map[offset]
