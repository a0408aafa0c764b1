"""Romanian (lang/ro/): the folder loads like any other, and its titles, inflected country names, country
adjectives, participant cues, triggers and dates give the events of Romanian news.

Romanian joins the article and the genitive-dative to a name (Rusia / Rusiei, Israel / Israelului, Statele
Unite / Statelor Unite), and is written with the comma-below letters (ș, ț), the older cedilla ones (ş, ţ) or
without diacritics: every sentence here is written by hand for these tests.
"""

from __future__ import annotations

import pytest
from tests.lang import lang_runs

from communique import lang as languages
from communique.actors.titles import find_titles
from communique.document import Document
from communique.events import discourse
from communique.events.lexicon import lexicon as events_lexicon

DATE = "2025-03-04"  # a Tuesday


def run(text: str, until: str = "events") -> Document:
    return lang_runs.run(text, "ro", DATE, until)


def mentions(text: str) -> list[tuple[str, str | None]]:
    """(text, entity id) of the mentions."""
    return [(m.text, m.entity_id) for m in run(text, "actors").mentions]


def persons(text: str) -> set[tuple[str, str | None, str | None]]:
    """(text, entity id, role) of the person mentions."""
    return {(m.text, m.entity_id, m.role) for m in run(text, "actors").mentions if m.kind == "person"}


def events(text: str) -> list[tuple[str, str | None, list[str | None]]]:
    return lang_runs.events(text, "ro", DATE)


def timexes(text: str) -> list[tuple[str, str, str | None]]:
    return lang_runs.timexes(text, "ro", DATE)


# --------------------------------------------------------------------------------------------- the folder


def test_the_romanian_folder_loads_like_any_other() -> None:
    assert "ro" in languages.codes()
    romanian = languages.get("ro")
    assert romanian.folder.name == "ro"
    assert romanian.about["name"] == "Romanian"
    for name in ("titles", "demonyms", "participants", "organizations", "groups", "discourse", "triggers",
                 "countries", "common_words", "names", "grammar", "dates"):
        assert languages.section("ro", name), name
    assert languages.section("ro", "demonyms")["RU"] == ["rus", "ruși", "ruşi"]


def test_triggers_take_every_spelling_of_s_and_t() -> None:
    # comma below, cedilla, and no diacritics at all
    text = "Rusia a adoptat sancțiuni. Turcia a adoptat sancţiuni. Ucraina a cerut ajutor. Ei au semnat acordul."
    found = [(text[t.start : t.end], t.type) for t in events_lexicon("ro").find_triggers(text)]
    assert ("adoptat sancțiuni", "SANCTION") in found
    assert ("adoptat sancţiuni", "SANCTION") in found
    assert ("a cerut", "REQUEST") in found
    assert ("au semnat acordul", "AGREE") in found


# --------------------------------------------------------------------------------------------- actors


@pytest.mark.parametrize(("text", "span", "title"), [
    ("Ministrul de Externe al Ucrainei a declarat.", "Ministrul de Externe", "Minister of Foreign Affairs"),
    ("Ministrul rus de Externe a declarat.", "Ministrul rus de Externe", "Minister of Foreign Affairs"),
    ("Ministrul Afacerilor Externe a declarat.", "Ministrul Afacerilor Externe", "Minister of Foreign Affairs"),
    ("Ministrul Apărării Naționale a declarat.", "Ministrul Apărării Naționale", "Minister of Defence"),
    ("Viceministrul de externe a declarat.", "Viceministrul de externe", "Deputy Minister of Foreign Affairs"),
    ("Prim-ministrul interimar a declarat.", "Prim-ministrul interimar", "Acting Prime Minister"),
    ("Premierului i s-a cerut demisia.", "Premierului", "Prime Minister"),
    ("Preşedintele a declarat.", "Preşedintele", "President"),
    ("Purtătoarea de cuvânt a declarat.", "Purtătoarea de cuvânt", "Spokesperson"),
    ("Secretarul general al NATO a declarat.", "Secretarul general", "General Secretary"),
    ("Secretarul de stat american a declarat.", "Secretarul de stat american", "Minister of Foreign Affairs"),
    ("Ambasadorul Rusiei la București a fost convocat.", "Ambasadorul", "Ambassador"),
    ("Cancelarul a declarat.", "Cancelarul", "Chancellor"),
    ("Regele a declarat.", "Regele", "King"),
    ("Omologul său a declarat.", "Omologul său", ""),
])
def test_a_romanian_title_names_its_canonical_title(text: str, span: str, title: str) -> None:
    found = [(text[t.start : t.end], t.title) for t in find_titles(text, "ro")]
    assert found[0] == (span, title)


def test_a_ministry_is_no_minister() -> None:
    assert find_titles("Ministerul Afacerilor Externe al Rusiei a condamnat atacul.", "ro") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Cancelarul german Olaf Scholz a vorbit.", ("Olaf Scholz", "local:olaf-scholz", "Chancellor")),
    ("Ministrul de Externe al României, Bogdan Aurescu, a vorbit.",
     ("Bogdan Aurescu", "per:bogdan-aurescu", "Minister of Foreign Affairs")),
    ("Premierul Ungariei, Viktor Orbán, a vorbit.", ("Viktor Orbán", "local:viktor-orban.hu", "Prime Minister")),
])
def test_a_person_after_a_title_gets_the_canonical_title(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in persons(text)


@pytest.mark.parametrize(("text", "name", "iso"), [
    ("Sancțiunile Rusiei au fost prelungite.", "Rusiei", "RU"),
    ("Armata Ucrainei a răspuns.", "Ucrainei", "UA"),
    ("Ambasadorul Israelului a plecat.", "Israelului", "IL"),
    ("Guvernul Statelor Unite ale Americii a reacționat.", "Statelor Unite ale Americii", "US"),
    ("Relațiile cu Coreea de Sud sunt bune.", "Coreea de Sud", "KR"),
    ("Exporturile Coreei de Sud au crescut.", "Coreei de Sud", "KR"),
    ("Relațiile Franţei cu Germania sunt bune.", "Franţei", "FR"),
    ("Delegația Republicii Moldova a sosit.", "Republicii Moldova", "MD"),
])
def test_an_inflected_country_name_gets_its_iso_code(text: str, name: str, iso: str) -> None:
    assert (name, f"country:{iso}") in mentions(text)


@pytest.mark.parametrize(("text", "word", "iso"), [
    ("Trupele ruse au atacat.", "ruse", "RU"),
    ("Soldaţii ucraineni au răspuns.", "ucraineni", "UA"),
    ("Diplomația americană a reacționat.", "americană", "US"),
    ("Companiile chinezești au investit.", "chinezești", "CN"),
    ("Guvernul român a reacționat.", "român", "RO"),
    ("Oficialii turci au plecat.", "turci", "TR"),
])
def test_a_country_adjective_names_its_country(text: str, word: str, iso: str) -> None:
    assert (word, f"country:{iso}") in mentions(text)


def test_a_country_adjective_names_a_generic_group() -> None:
    assert mentions("Armata israeliană a bombardat ținte din Gaza.")[:2] == [("Armata", "group:military:IL"),
                                                                           ("israeliană", "country:IL")]


# --------------------------------------------------------------------------------------------- events


@pytest.mark.parametrize(("text", "expected"), [
    ("Ministrul de Externe al României, Bogdan Aurescu, s-a întâlnit la București cu omologul său ucrainean, "
     "Dmitro Kuleba.",
     ("CONSULT", "meet", ["per:bogdan-aurescu", "local:dmytro-kuleba.ua"])),
    ("Premierul Ungariei, Viktor Orbán, a avut o convorbire telefonică cu președintele turc Recep Tayyip Erdoğan.",
     ("CONSULT", "phone", ["local:viktor-orban.hu", "local:recep-tayyip-erdogan"])),
    ("Cancelarul german Olaf Scholz a vizitat Polonia.", ("CONSULT", "visit", ["local:olaf-scholz", "country:PL"])),
    ("Rusia a acuzat Ucraina de sabotaj.", ("ACCUSE", None, ["country:RU", "country:UA"])),
    ("Președintele Franței, Emmanuel Macron, a cerut Chinei să pună presiune pe Rusia.",
     ("REQUEST", None, ["Q3052772", "country:CN", "country:RU"])),
    ("Rusia a adoptat o serie de sancţiuni economice împotriva Turciei.",
     ("SANCTION", None, ["country:RU", "country:TR"])),
])
def test_romanian_news_gives_its_event(text: str, expected: tuple[str, str | None, list[str]]) -> None:
    assert expected in events(text)


def test_a_meeting_of_two_named_sides_is_one_consult_with_both_dated_yesterday() -> None:
    found = run("Emmanuel Macron s-a întâlnit ieri cu Olaf Scholz la Berlin.").events
    assert [(e.type, e.mode, [a.entity_id for a in e.actors]) for e in found] == [
        ("CONSULT", "meet", ["Q3052772", "local:olaf-scholz"])]
    assert found[0].date["start"] == "2025-03-03"


# --------------------------------------------------------------------------------------------- dates


@pytest.mark.parametrize(("text", "expected"), [
    ("Ministrul a vorbit ieri la București.", [("ieri", "DATE", "2025-03-03")]),
    ("Acordul a fost semnat astăzi.", [("astăzi", "DATE", "2025-03-04")]),
    ("Se vor întâlni mâine la Paris.", [("mâine", "DATE", "2025-03-05")]),
    ("Vizita a avut loc săptămâna trecută.", [("săptămâna trecută", "DATE", "2025-W09")]),
    ("Acordul a fost semnat anul trecut.", [("anul trecut", "DATE", "2024")]),
    ("Președintele va pleca vinerea viitoare.", [("vinerea viitoare", "DATE", "2025-03-07")]),
    ("Pe 5 martie 2024 a sosit la Kiev.", [("5 martie 2024", "DATE", "2024-03-05")]),
    ("Au semnat acordul acum doi ani.", [("acum doi ani", "DATE", "2023")]),
    ("Au discutat în martie anul trecut.", [("martie anul trecut", "DATE", "2024-03")]),
    # "mai" is May only where a month is expected: "în mai multe țări" is "in several countries"
    ("A fost primit în mai multe țări.", []),
])
def test_romanian_dates_resolve(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert timexes(text) == expected


@pytest.mark.parametrize(("kind", "text", "cue"), [
    ("frame", "În cadrul vizitei, cele două părți au semnat un acord.", "În cadrul"),
    ("speech", "Ministrul a subliniat importanța acordului.", "a subliniat"),
    ("group", "Cele două părți au convenit să continue dialogul.", "Cele două părți"),
])
def test_romanian_discourse_cues(kind: str, text: str, cue: str) -> None:
    assert [text[a:b] for a, b in discourse.find("ro", kind, text, 0, len(text))] == [cue]
