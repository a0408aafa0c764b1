"""A demand, an accusation, a threat, a refusal or aid that a named actor states with no counterpart named is an
event of one side (build.STATED_ALONE); praise said alone, and a country's adjective alone, are not."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.options import Options
from communique.pipeline import process


def events_of(text: str, lang: str) -> list[tuple[str, list[str]]]:
    doc = process(Document(id="t", raw_text=text, lang_hint=lang, date="2024-05-01"), Options(doc_date="2024-05-01"))
    return [(e.type, sorted(a.entity_id for a in e.actors)) for e in doc.events]


@pytest.mark.parametrize(("lang", "text", "event"), [
    ("en", "Spain called for an immediate ceasefire in Gaza on Monday.", ("REQUEST", ["country:ES"])),
    ("es", "España pidió el lunes un alto el fuego inmediato en Gaza.", ("REQUEST", ["country:ES"])),
    ("fr", "La France a condamné lundi l'attaque contre son ambassade.", ("ACCUSE", ["country:FR"])),
    ("en", "Japan pledged $10 million in emergency relief.", ("AID", ["country:JP"])),
])
def test_a_named_actor_stating_alone_is_an_event(lang: str, text: str, event: tuple[str, list[str]]) -> None:
    assert events_of(text, lang) == [event]


def test_praise_said_alone_is_no_event() -> None:
    assert events_of("The Chinese foreign ministry praised the agreement.", "en") == []


def test_a_country_adjective_alone_is_no_side() -> None:
    assert events_of("Spanish officials called for calm.", "en") == []
