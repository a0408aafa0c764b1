"""The German tagger (perceptron, data/ner/de.npz; training/ner/README.md): persons in German news sentences
written for this test, with their exact offsets; capitalised common nouns are no persons."""

from __future__ import annotations

import pytest

from communique.actors.ner import entities
from communique.document import Document
from communique.pipeline import Options, process


def persons(text: str) -> list[tuple[str, int, int]]:
    return [(text[s.start : s.end], s.start, s.end) for s in entities(text, "de") if s.kind == "person"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Außenministerin Annalena Baerbock traf am Mittwoch in Hanoi ihren Amtskollegen Bui Thanh Son.",
     [("Annalena Baerbock", 16, 33), ("Bui Thanh Son", 79, 92)]),
    ("Nach dem Treffen sagte Katrin Oberhauser, die Gespräche über die Hafenpartnerschaft seien offen gewesen.",
     [("Katrin Oberhauser", 23, 40)]),
])
def test_german_persons_from_the_trained_tagger(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert persons(text) == expected


def test_capitalised_common_nouns_are_no_persons() -> None:
    text = "Die Regierung, der Präsident und die Minister berieten am Montag über den Haushalt und die Energiepreise."
    assert persons(text) == []


def test_the_pipeline_takes_only_the_models_persons() -> None:
    text = "Nach dem Treffen sagte Katrin Oberhauser, die Gespräche über die Hafenpartnerschaft seien offen gewesen."
    doc = process(Document(id="t", raw_text=text, lang_hint="de"), Options(), until="actors")
    assert [(m.text, m.kind) for m in doc.mentions if m.source == "ner"] == [("Katrin Oberhauser", "person")]
