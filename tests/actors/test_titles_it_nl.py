"""Titles in Italian and Dutch: the role a title gives the name next to it (also when the title holds a
capitalized portfolio or an organization), and the holder of an office named by a title and a country."""

from __future__ import annotations

import pytest

from communique.document import Mention
from conftest import run_actors


def persons(text: str, lang: str, date: str = "2024-05-01") -> list[tuple[str, str, str | None]]:
    """(text, canonical name, role) of the person mentions, after checking every offset."""
    doc = run_actors(text, lang, doc_date=date)
    out = []
    for m in doc.mentions:
        assert m.text == text[m.start : m.end]
        if m.kind == "person":
            out.append((m.text, m.name, m.role))
    return out


def mentions(text: str, lang: str, date: str = "2024-05-01") -> list[Mention]:
    return run_actors(text, lang, doc_date=date).mentions


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # "presidente della Repubblica" is one title: "Repubblica" is no part of the name after it
    ("it", "Il presidente della Repubblica Sergio Mattarella ha incontrato il presidente francese Emmanuel Macron.",
     [("Sergio Mattarella", "Sergio Mattarella", "President"), ("Emmanuel Macron", "Emmanuel Macron", "President")]),
    # "presidente del Consiglio" is the Italian head of government
    ("it", "La presidente del Consiglio Giorgia Meloni ha ricevuto il cancelliere tedesco Olaf Scholz.",
     [("Giorgia Meloni", "Giorgia Meloni", "Prime Minister"), ("Olaf Scholz", "Olaf Scholz", "Chancellor")]),
    ("it", "Il ministro degli Esteri Antonio Tajani ha telefonato al suo omologo ucraino Dmytro Kuleba.",
     [("Antonio Tajani", "Antonio Tajani", "Minister of Foreign Affairs"),
      ("Dmytro Kuleba", "Dmytro Kuleba", "Minister of Foreign Affairs")]),
    ("nl", "Minister van Buitenlandse Zaken Hanke Bruins Slot sprak met haar Russische ambtgenoot Sergej Lavrov.",
     [("Hanke Bruins Slot", "Hanke Bruins Slot", "Minister of Foreign Affairs"),
      ("Sergej Lavrov", "Sergey Lavrov", "Minister of Foreign Affairs")]),
    # compounds: "bondskanselier", and "NAVO-" before "secretaris-generaal" is no part of the title
    ("nl", "Minister-president Dick Schoof sprak met de Duitse bondskanselier Olaf Scholz.",
     [("Dick Schoof", "Dick Schoof", "Prime Minister"), ("Olaf Scholz", "Olaf Scholz", "Chancellor")]),
    ("nl", "Kamervoorzitter Vera Bergkamp ontving NAVO-secretaris-generaal Jens Stoltenberg.",
     [("Vera Bergkamp", "Vera Bergkamp", "Speaker"),
      ("Jens Stoltenberg", "Jens Stoltenberg", "Secretary General of NATO")]),
])
def test_a_title_gives_the_name_after_it_its_role(lang: str, text: str,
                                                  expected: list[tuple[str, str, str]]) -> None:
    assert persons(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "span", "name"), [
    # the country's adjective after the title, or the country after a connector
    ("it", "Il presidente ucraino ha detto che la controffensiva continuerà.", "presidente ucraino",
     "Volodymyr Zelenskyy"),
    ("it", "Secondo il presidente della Russia, i colloqui sono impossibili.", "presidente della Russia",
     "Vladimir Putin"),
    # the adjective before the title, in Dutch
    ("nl", "De Oekraïense minister van Buitenlandse Zaken reist naar Brussel.", "minister van Buitenlandse Zaken",
     "Dmytro Kuleba"),
    ("nl", "De president van Rusland dreigde opnieuw.", "president van Rusland", "Vladimir Putin"),
])
def test_an_office_named_by_title_and_country_is_its_holder(lang: str, text: str, span: str, name: str) -> None:
    found = {(m.text, m.name) for m in mentions(text, lang) if m.kind == "person"}
    assert (span, name) in found


@pytest.mark.parametrize(("lang", "text", "name", "role"), [
    # a capitalized portfolio belongs to the title, not to the name
    ("it", "Il ministro dell'Economia Giancarlo Giorgetti ha parlato a Bruxelles.", "Giancarlo Giorgetti", "Minister"),
    ("nl", "Minister van Financiën Eelco Heinen sprak in Brussel.", "Eelco Heinen", "Minister"),
])
def test_a_portfolio_is_no_part_of_the_name(lang: str, text: str, name: str, role: str) -> None:
    assert [(m.text, m.role) for m in mentions(text, lang) if m.kind == "person"] == [(name, role)]
