"""Validated inputs of the API (pydantic): documents to ingest and corrections."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from communique import lang as languages
from communique.read import iso_date
from communique.serving.settings import MAX_BODY_BYTES, MAX_DOCUMENTS
from communique.store import EVENT_FIELDS

ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Note = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]
ISO_DAY = r"^\d{4}-\d{2}-\d{2}"

# An example document in its language's own words (lang/xx/examples.yaml), shown in the API's schema.
_EXAMPLE_DOCUMENT = dict(languages.section(languages.FALLBACK, "examples")["api_document"])


class DocumentIn(BaseModel):
    """One document in the JSONL input shape (only `text` is required)."""

    model_config = ConfigDict(extra="ignore", json_schema_extra={"examples": [_EXAMPLE_DOCUMENT]})

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


class SplitIn(BaseModel):
    """One report (a source's event id) to take out of the merged event it was wrongly joined to."""

    model_config = ConfigDict(extra="forbid")
    report: ShortText
    by: ShortText | None = None
    note: Note | None = None


class ActorRenameIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    actor: ShortText
    name: ShortText
    by: ShortText | None = None
    note: Note | None = None
