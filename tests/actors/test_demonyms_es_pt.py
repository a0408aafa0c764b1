"""Country adjectives written for Spanish and Portuguese (lang/es/demonyms.yaml, lang/pt/demonyms.yaml): a word
that starts with one of the stems is a mention of its country; a word that only looks like one is none.
Sentences written for these tests. Neither language has titles yet (`titles: {}` in its data.yaml), so the
office holder of "el presidente ruso" is not resolved there: these tests assert the country only."""

from __future__ import annotations

import pytest

from conftest import run_actors


def _countries(text: str, lang: str) -> list[tuple[int, int, str, str | None]]:
    """(start, end, text, ISO code) of the country mentions found in `text`."""
    doc = run_actors(text, lang, doc_date="2024-05-01")
    return [(m.start, m.end, m.text, m.country) for m in doc.mentions if m.kind == "country"]


def _at(text: str, surface: str) -> tuple[int, int]:
    start = text.index(surface)
    return start, start + len(surface)


ADJECTIVES = [
    ("es", "Los diplomáticos rusos hablaron por teléfono con su colega francés.", "rusos", "RU"),
    ("es", "Los diplomáticos rusos hablaron por teléfono con su colega francés.", "francés", "FR"),
    ("es", "La delegación estadounidense llegó a Ginebra el martes.", "estadounidense", "US"),
    ("es", "Las tropas ucranianas repelieron un ataque cerca de Járkov.", "ucranianas", "UA"),
    ("es", "El líder norcoreano advirtió a las autoridades surcoreanas.", "surcoreanas", "KR"),
    ("es", "Los mediadores qataríes y egipcios presentaron una nueva propuesta.", "egipcios", "EG"),
    ("pt", "Os diplomatas russos receberam o enviado chinês em Moscou.", "russos", "RU"),
    ("pt", "Os diplomatas russos receberam o enviado chinês em Moscou.", "chinês", "CN"),
    ("pt", "A diplomacia norte-americana criticou a decisão.", "norte-americana", "US"),
    ("pt", "As forças israelenses bombardearam um campo no sul.", "israelenses", "IL"),
    ("pt", "O ministro alemão reuniu-se com o homólogo moçambicano.", "moçambicano", "MZ"),
    ("pt", "A seleção tcheca venceu os sul-africanos no domingo.", "tcheca", "CZ"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "code"), ADJECTIVES)
def test_a_written_country_adjective_is_its_country(lang: str, text: str, surface: str, code: str) -> None:
    assert (*_at(text, surface), surface, code) in _countries(text, lang)


# Words that start like a stem but are none: a name, a verb, an ordinary noun.
LOOK_ALIKES = [
    ("es", "Ruslan Petrov prometió indicar la ruta a los turistas.", "Ruslan"),
    ("es", "Los inspectores checaron la lista dos veces.", "checaron"),
    ("es", "El gregario Sirio brillaba sobre la sierra.", "Sirio"),
    ("pt", "O jornalista checou os dados e a checagem confirmou tudo.", "checou"),
    ("pt", "O livro trata da líbido e da liberdade.", "líbido"),
    ("pt", "As campanhas moldavam a opinião dos eleitores.", "moldavam"),
]


@pytest.mark.parametrize(("lang", "text", "surface"), LOOK_ALIKES)
def test_a_word_that_only_starts_like_an_adjective_is_no_country(lang: str, text: str, surface: str) -> None:
    start, end = _at(text, surface)
    assert not [m for m in _countries(text, lang) if m[0] < end and start < m[1]]


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "El presidente ruso habló por teléfono con su colega francés."),
    ("pt", "O presidente russo recebeu o enviado chinês em Moscou."),
])
def test_a_title_with_a_country_adjective_is_the_office_holder(lang: str, text: str) -> None:
    doc = run_actors(text, lang, doc_date="2024-05-01")
    assert [(m.text, m.name, m.role) for m in doc.mentions if m.kind == "person"][:1] == [
        (text.split()[1] + " " + text.split()[2], "Vladimir Putin", "President")]
