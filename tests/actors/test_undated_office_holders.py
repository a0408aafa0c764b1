"""A title with a country and no name in a document of unknown date: the one person the document names who
ever held that office (actors/recognize.py::_office_holder); nobody when the document names none."""

from __future__ import annotations

from communique.document import Document
from communique.options import Options
from communique.pipeline import process


def _people(text: str) -> list[tuple[str, str, str | None]]:
    doc = process(Document(id="t", raw_text=text), Options(), until="actors")
    assert doc.date is None
    return [(m.text, m.name, m.role) for m in doc.mentions if m.kind == "person"]


def test_presidents_of_two_countries_are_the_presidents_the_document_names() -> None:
    text = ("Касым-Жомарт Токаев и Шавкат Мирзиёев прибыли в Ташкент. "
            "Ранее Президенты Казахстана и Узбекистана провели переговоры.")
    people = _people(text)
    assert ("Казахстана", "Kassym-Jomart Tokayev", "President") in people
    assert ("Узбекистана", "Shavkat Mirziyoyev", "President") in people


def test_a_title_alone_is_nobody_when_the_document_names_no_holder() -> None:
    # Medvedev held the office, but this undated document does not name him
    text = "Президент России провел переговоры в Ташкенте."
    assert _people(text) == []


def test_a_former_holder_the_document_names_is_the_title_s_person() -> None:
    text = "Dmitry Medvedev arrived in Tashkent. The President of Russia held talks with local officials."
    assert ("President of Russia", "Dmitry Medvedev", "President") in _people(text)
