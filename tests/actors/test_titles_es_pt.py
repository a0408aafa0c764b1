"""Titles in Spanish and Portuguese: the role a title gives the name after it ("presidente del Gobierno" is
the Prime Minister, "canciller"/"chanceler" the foreign minister unless German), and the holder of an
office named by title and country ("el presidente de Rusia", "o primeiro-ministro da França")."""

from __future__ import annotations

import pytest

from communique.document import Mention
from conftest import person_rows, run_actors

DATE = "2024-05-01"


def persons(text: str, lang: str) -> list[tuple[str, str, str | None, str | None]]:
    return person_rows(text, lang, DATE)


def mentions(text: str, lang: str) -> list[Mention]:
    return run_actors(text, lang, doc_date=DATE).mentions


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # Spain's head of government is "presidente del Gobierno"
    ("es", "El presidente del Gobierno, Pedro Sánchez, se reunió en Madrid con el presidente francés Emmanuel Macron.",
     [("Pedro Sánchez", "local:pedro-sanchez.es", "Prime Minister", "ES"),
      ("Emmanuel Macron", "Q3052772", "President", "FR")]),
    # "canciller" is the foreign minister; a counterpart word is a person without a title of its own
    ("es", "El canciller José Manuel Albares conversó por teléfono con su homólogo ruso, Serguéi Lavrov.",
     [("José Manuel Albares", "local:jose-manuel-albares.es", "Minister of Foreign Affairs", "ES"),
      ("Serguéi Lavrov", "local:sergey-lavrov", "Minister of Foreign Affairs", "RU")]),
    ("es", "El ministro de Defensa de Rusia, Serguéi Shoigú, visitó Pekín.",
     [("Serguéi Shoigú", "local:sergei-shoigu", "Minister of Defence", "RU")]),
    ("pt", "O chanceler Mauro Vieira conversou por telefone com o seu homólogo chinês, Wang Yi.",
     [("Mauro Vieira", "local:mauro-vieira", "Minister of Foreign Affairs", "BR"),
      ("Wang Yi", "local:wang-yi", "Minister of Foreign Affairs", "CN")]),
    ("pt", "O presidente do Governo espanhol, Pedro Sánchez, visitou Lisboa.",
     [("Pedro Sánchez", "local:pedro-sanchez.es", "Prime Minister", "ES")]),
    # the German "chanceler" is the Chancellor
    ("pt", "O chanceler alemão Olaf Scholz visitou Lisboa.",
     [("Olaf Scholz", "local:olaf-scholz", "Chancellor", "DE")]),
])
def test_a_title_gives_the_name_after_it_its_role(lang: str, text: str,
                                                  expected: list[tuple[str, str, str, str]]) -> None:
    assert persons(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "span", "entity"), [
    ("es", "El presidente de Rusia afirmó que las negociaciones siguen bloqueadas.", "presidente de Rusia", "Q7747"),
    ("es", "El primer ministro de Francia llamó al presidente del Gobierno de España.",
     "primer ministro de Francia", "local:gabriel-attal"),
    ("es", "El primer ministro de Francia llamó al presidente del Gobierno de España.",
     "presidente del Gobierno de España", "local:pedro-sanchez.es"),
    ("pt", "O primeiro-ministro da França telefonou ao presidente da Rússia.",
     "primeiro-ministro da França", "local:gabriel-attal"),
    ("pt", "O ministro dos Negócios Estrangeiros da Rússia disse que Moscovo vai responder.",
     "ministro dos Negócios Estrangeiros da Rússia", "local:sergey-lavrov"),
])
def test_an_office_named_by_title_and_country_is_its_holder(lang: str, text: str, span: str, entity: str) -> None:
    found = {(m.text, m.entity_id) for m in mentions(text, lang) if m.kind == "person"}
    assert (span, entity) in found
