"""Validated inputs of the API (pydantic): documents to ingest, corrections, and the event filter."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from communique.api.settings import MAX_BODY_BYTES, MAX_DOCUMENTS
from communique.read.readers import iso_date
from communique.store.corrections import EVENT_FIELDS, PLOVER_TYPES
from communique.store.queries import EventFilter, check_period

ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Note = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]
ISO_DAY = r"^\d{4}-\d{2}-\d{2}"


class DocumentIn(BaseModel):
    """One document in the JSONL input shape (only `text` is required)."""

    model_config = ConfigDict(extra="ignore", json_schema_extra={"examples": [
        {"id": "tass-2025-02-22-1", "text": "21 февраля в Ханое состоялись политические консультации…",
         "date": "2025-02-22", "lang": "ru", "url": "https://example.org/a", "title": "…"}]})

    id: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)] | None = None
    text: Annotated[str, StringConstraints(min_length=1, max_length=MAX_BODY_BYTES)]
    date: Annotated[str, StringConstraints(pattern=ISO_DAY, max_length=40)] | None = None
    lang: Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]+)?$", max_length=20)] | None = None
    url: Annotated[str, StringConstraints(max_length=2000)] | None = None
    title: Annotated[str, StringConstraints(max_length=2000)] | None = None

    @field_validator("date")
    @classmethod
    def _real_date(cls, value: str | None) -> str | None:
        """The same rule as a JSONL `date` (a real calendar day, or a timestamp starting with one); the CLI
        warns and ignores such a date, the API refuses the request so the client learns of it."""
        if value is not None and iso_date(value) is None:
            raise ValueError(f"date {value!r} is not a real date (expected YYYY-MM-DD)")
        return value


DocumentsIn = DocumentIn | Annotated[list[DocumentIn], Field(min_length=1, max_length=MAX_DOCUMENTS)]


class EventCorrectionIn(BaseModel):
    """Corrections of one event: field values as the CLI's `--set FIELD=VALUE` takes them, and/or reject."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"event": "evt_5f1c…", "set": {"date": "2025-02-21", "type": "CONSULT", "topics": "energy,defense"},
         "by": "analyst", "note": "date from the dateline"}]})

    event: ShortText
    set: dict[Annotated[str, StringConstraints(pattern="^(" + "|".join(EVENT_FIELDS) + ")$")],
              Annotated[str, StringConstraints(max_length=500)]] = Field(default_factory=dict, max_length=20)
    reject: bool = False
    by: ShortText | None = None
    note: Note | None = None


class ActorMergeIn(BaseModel):
    """Two ids for one actor: `absorb` is shown as `keep` from now on."""

    model_config = ConfigDict(extra="forbid")
    keep: ShortText
    absorb: ShortText
    by: ShortText | None = None
    note: Note | None = None


class ActorRenameIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    actor: ShortText
    name: ShortText
    by: ShortText | None = None
    note: Note | None = None


def build_filter(actor: str | None = None, country: str | None = None, pair: str | None = None,
                 type: str | None = None, mode: str | None = None, topic: str | None = None,
                 since: str | None = None, until: str | None = None, lang: str | None = None,
                 text: str | None = None) -> EventFilter:
    """The store's EventFilter from query parameters (empty strings = absent); ValueError says what is wrong."""
    values = {k: (v.strip() or None) if isinstance(v, str) else None for k, v in {
        "actor": actor, "country": country, "pair": pair, "type": type, "mode": mode, "topic": topic,
        "since": since, "until": until, "lang": lang, "text": text}.items()}
    for name, value in values.items():  # a NUL or other control character would be dropped downstream,
        if value is not None and not value.isprintable():  # turning the filter into no filter at all
            raise ValueError(f"{name} {value!r}: control characters are not allowed")
    pair_codes = _pair(values["pair"])
    if values["country"] and not re.fullmatch(r"[A-Za-z]{2}", values["country"]):
        raise ValueError(f"country {values['country']!r}: expected an ISO 3166 alpha-2 code, e.g. VN")
    if values["type"] and values["type"].upper() not in PLOVER_TYPES:
        raise ValueError(f"type {values['type']!r}: expected one of {', '.join(PLOVER_TYPES)}")
    for name in ("since", "until"):
        _period(values[name], name)
    return EventFilter(actor=values["actor"], country=values["country"], pair=pair_codes, type=values["type"],
                       mode=values["mode"], topic=values["topic"], since=values["since"], until=values["until"],
                       lang=values["lang"], text=values["text"])


def _pair(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    codes = [c.strip().upper() for c in value.split(",") if c.strip()]
    if len(codes) != 2 or not all(re.fullmatch(r"[A-Z]{2}", c) for c in codes):
        raise ValueError(f"pair {value!r}: expected two country codes, e.g. VN,RU")
    return codes[0], codes[1]


def _period(value: str | None, name: str) -> None:
    from communique.store import StoreError

    try:
        check_period(value, name)
    except StoreError as error:
        raise ValueError(str(error)) from None
