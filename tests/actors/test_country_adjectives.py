"""Country adjectives (demonyms) from the generated language data (`countries.adjectives` of
`lang/<code>/countries.yaml`, built by scripts/build_countries.py: mledoze/countries demonyms for English and
French, stems of the CLDR country names elsewhere). Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from communique import lang as languages
from communique.document import Document
from communique.options import Options
from communique.pipeline import process


def _countries(text: str, lang: str) -> list[tuple[int, int, str, str | None]]:
    """(start, end, text, ISO code) of the country mentions found in `text`."""
    doc = process(Document(id="t", raw_text=text, lang_hint=lang), Options(), until="actors")
    return [(m.start, m.end, m.text, m.country) for m in doc.mentions if m.kind == "country"]


def _at(text: str, surface: str) -> tuple[int, int]:
    start = text.index(surface)
    return start, start + len(surface)


ADJECTIVES = [
    ("en", "Israeli forces struck a camp near the border on Monday.", "Israeli", "IL"),
    ("en", "The Nigerian army said it had freed the hostages.", "Nigerian", "NG"),
    ("en", "Palestinian officials met the envoy in Ramallah.", "Palestinian", "PS"),
    ("fr", "Les forces israéliennes ont frappé un camp lundi.", "israéliennes", "IL"),
    ("fr", "Le ministre nigérian des Affaires étrangères est arrivé à Paris.", "nigérian", "NG"),
    ("ru", "В понедельник украинские военные сообщили об атаке.", "украинские", "UA"),
    ("es", "Las fuerzas ucranianas rechazaron el ataque del lunes.", "ucranianas", "UA"),
    ("it", "Il governo israeliano ha respinto la proposta.", "israeliano", "IL"),
    ("pl", "Izraelskie wojsko zaatakowało obóz w poniedziałek.", "Izraelskie", "IL"),
    ("de", "Nigerianische Soldaten haben die Geiseln befreit.", "Nigerianische", "NG"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "code"), ADJECTIVES)
def test_a_country_adjective_is_its_country(lang: str, text: str, surface: str, code: str) -> None:
    assert (*_at(text, surface), surface, code) in _countries(text, lang)


def test_a_lower_case_adjective_inside_a_sentence_or_capitalized_at_its_start_is_found_in_russian() -> None:
    text = "Вчера израильская полиция задержала двух человек."
    assert (*_at(text, "израильская"), "израильская", "IL") in _countries(text, "ru")
    headline = "Израильская полиция задержала двух человек"
    assert (0, len("Израильская"), "Израильская", "IL") in _countries(headline, "ru")


# A capitalized word that starts with a lower-case language's stem is another name (Pope Francis: es
# "Francisco" starts with the stem of Francia; ru "Франциск" with that of Франция).
NOT_COUNTRIES = [
    ("es", "El papa Francisco recibió ayer a los peregrinos.", "Francisco"),
    ("ru", "Папа Римский Франциск принял вчера паломников.", "Франциск"),
    ("es", "Fueron malas noticias para el equipo.", "malas"),  # Malasia's stem would be the word "malas"
]


@pytest.mark.parametrize(("lang", "text", "surface"), NOT_COUNTRIES)
def test_a_word_that_only_starts_like_a_country_is_no_country(lang: str, text: str, surface: str) -> None:
    start, end = _at(text, surface)
    assert not [m for m in _countries(text, lang) if m[0] < end and start < m[1]]


def test_every_language_with_a_word_table_has_adjective_stems() -> None:
    counts = {code: sum(len(v) for v in (languages.section(code, "countries").get("adjectives") or {}).values())
              for code in ("en", "fr", "de", "es", "it", "nl", "pl", "pt", "ru", "uk", "bg")}
    assert all(n >= 40 for n in counts.values()), counts  # a stem only where the word table attests one
    stems = {(code, iso): languages.section(code, "countries")["adjectives"][iso]
             for code, iso in (("it", "IL"), ("ru", "UA"), ("es", "UA"), ("pl", "IL"), ("en", "NG"), ("fr", "NG"))}
    assert stems == {("it", "IL"): ["israel"], ("ru", "UA"): ["украин"], ("es", "UA"): ["ucrani"],
                     ("pl", "IL"): ["izrael"], ("en", "NG"): ["nigerian"], ("fr", "NG"): ["nigérian"]}
    assert languages.section("fr", "countries")["adjective_case"] == "lower"
    assert languages.section("en", "countries")["adjective_case"] == "any"


def test_the_builder_stems_names_and_demonyms_by_general_rules(country_builder: Any) -> None:
    build = country_builder
    lemmas = {"Israele": "Israele", "israeliano": "israeliano", "israeliana": "israeliano",
              "Malasia": "Malasia", "malas": "malo", "malasio": "malasio", "Nigeria": "Nigeria"}
    table = build.WordTable(lemmas, sorted(w.lower() for w in lemmas))
    assert build._attested_stem("Israele", table) == "israel"  # the start of israeliano
    assert build._attested_stem("Malasia", table) == "malasi"  # "malas" is a word of its own
    assert build._attested_stem("Nigeria", table) is None  # no word of the table but the name's
    assert build._demonym_stems(["Israélien", "Israélienne"]) == ["israélien"]
    assert build._demonym_stems(["Turc", "Turque"]) == ["turc", "turque"]  # their common start is too short
    assert build._demonym_stems(["Antiguan, Barbudan"]) == ["antiguan", "barbudan"]
    assert build._demonym_stems(["Lao"]) == []
    named = [("NE", "Niger"), ("NG", "Nigeria")]
    kept = build._unshared([("niger", "NE"), ("nigeri", "NG")], named, "xx", set())
    assert kept == [("nigeri", "NG")]  # niger- starts Nigeria: Niger's stem would take Nigeria's adjectives
    assert build._unshared([("jorda", "JO")], [("JO", "Jordan")], "xx", {"jordana"}) == []  # a person's name
