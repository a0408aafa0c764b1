"""The events stage with the shipped sentence model: the model decides the type, the clause decides the
participants, in languages the trigger lexicons never covered; evidence offsets stay exact."""

from __future__ import annotations

import re

from communique.document import Document, Mention, Sentence
from communique.events import extract_events
from communique.events.candidates import decided_types
from communique.models.events import SentenceLabel
from communique.pipeline import Options


def person(text: str, name: str, canonical: str, country: str, role: str) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name, "person", "per:" + canonical.lower().replace(" ", "-"),
                   canonical, country=country, role=role)


def country(text: str, name: str, code: str) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name, "country", f"country:{code}", code, country=code)


def run(text: str, lang: str, mentions: list[Mention]) -> Document:
    sentences = [Sentence(m.start(), m.end()) for m in re.finditer(r"[^.!?。।]+[.!?。।]?", text) if m.group().strip()]
    doc = Document(id="t", raw_text=text, text=text, lang=lang, date="2025-03-04", sentences=sentences,
                   mentions=sorted(mentions, key=lambda m: m.start))
    extract_events(doc, Options())
    return doc


def test_a_phone_call_in_hindi_has_both_sides_and_exact_evidence() -> None:
    text = "प्रधानमंत्री मोदी ने राष्ट्रपति पुतिन से फोन पर बात की।"
    doc = run(text, "hi", [person(text, "मोदी", "Narendra Modi", "IN", "Prime Minister"),
                          person(text, "पुतिन", "Vladimir Putin", "RU", "President")])
    assert [(e.type, sorted(m.name for m in e.actors)) for e in doc.events] == [
        ("CONSULT", ["Narendra Modi", "Vladimir Putin"])]
    event = doc.events[0]
    assert all(ev.text == text[ev.start : ev.end] for ev in event.evidence)
    assert {ev.field for ev in event.evidence} >= {"trigger", "actor"}
    assert 0.5 <= event.confidence <= 1.0


def test_an_accusation_in_spanish_has_the_accuser_and_the_accused() -> None:
    text = "El Gobierno de México condenó enérgicamente a Ecuador por el asalto a su embajada en Quito."
    doc = run(text, "es", [country(text, "México", "MX"), country(text, "Ecuador", "EC")])
    assert [(e.type, [m.name for m in e.actors]) for e in doc.events] == [("ACCUSE", ["MX", "EC"])]


def test_a_sentence_without_an_event_yields_none() -> None:
    text = "Vladimir Putin was born in Leningrad in 1952."
    doc = run(text, "en", [person(text, "Vladimir Putin", "Vladimir Putin", "RU", "President")])
    assert doc.events == []


def test_decided_types_take_the_main_type_and_confident_also_types() -> None:
    label = SentenceLabel(type_probs={"CONSULT": 0.7, "AGREE": 0.2, "NONE": 0.1},
                          also_probs={"AGREE": 0.6, "ACCUSE": 0.1}, mode_probs={}, status_probs={},
                          background_prob=0.0)
    assert decided_types(label) == {"CONSULT": 0.7, "AGREE": 0.6}
    nothing = SentenceLabel(type_probs={"CONSULT": 0.3, "NONE": 0.7}, also_probs={}, mode_probs={},
                            status_probs={}, background_prob=0.0)
    assert decided_types(nothing) == {}
