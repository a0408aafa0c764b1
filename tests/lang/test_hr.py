"""Croatian (lang/hr/): the folder loads like any other, and its titles, country names in their cases, country
adjectives, participant cues, triggers and date words give the events of Croatian news.

Croatian has no named-entity model: a person is found by the KB's names (their case endings come off by the
folder's `names.case_endings`) or after a title ("ministar vanjskih poslova Gordan Grlić Radman").
"""

from __future__ import annotations

import pytest
from tests.lang import lang_runs

from communique import lang as languages
from communique.actors.titles import find_titles
from communique.document import Document
from communique.events import discourse
from communique.events.lexicon import lexicon as events_lexicon

DATE = "2025-03-04"
DCT = "2024-05-15"  # a Wednesday


def run(text: str, until: str = "events") -> Document:
    return lang_runs.run(text, "hr", DATE, until)


def mentions(text: str) -> list[tuple[str, str | None, str, str | None]]:
    """(text, entity id, kind, role) of the mentions."""
    return [(m.text, m.entity_id, m.kind, m.role) for m in run(text, "actors").mentions]


def events(text: str) -> list[tuple[str, str | None, list[str | None]]]:
    return lang_runs.events(text, "hr", DATE)


def timexes(text: str) -> list[tuple[str, str, str | None]]:
    return lang_runs.timexes(text, "hr", DCT)


# --------------------------------------------------------------------------------------------- the folder


def test_the_croatian_folder_loads_like_any_other() -> None:
    assert "hr" in languages.codes()
    croatian = languages.get("hr")
    assert croatian.folder.name == "hr"
    assert croatian.about["name"] == "Croatian"
    for name in ("titles", "demonyms", "participants", "organizations", "groups", "discourse", "triggers",
                 "countries", "common_words", "names", "grammar", "dates", "status"):
        assert languages.section("hr", name), name
    assert languages.section("hr", "demonyms")["RU"][:2] == ["rusk", "Rusi"]
    text = "Hrvatska i Slovenija potpisale su sporazum. Američki predsjednik telefonirao je ruskom predsjedniku."
    found = [(text[t.start : t.end], t.type, t.mode) for t in events_lexicon("hr").find_triggers(text)]
    assert found == [("potpisale su sporazum", "AGREE", None), ("telefonirao", "CONSULT", "phone")]


# --------------------------------------------------------------------------------------------- actors


@pytest.mark.parametrize(("text", "span", "title"), [
    ("Ministar vanjskih poslova je govorio.", "Ministar vanjskih poslova", "Minister of Foreign Affairs"),
    ("Razgovarao je s ministrom vanjskih i europskih poslova.", "ministrom vanjskih i europskih poslova",
     "Minister of Foreign Affairs"),
    ("Zamjenik ministra vanjskih poslova je stigao.", "Zamjenik ministra vanjskih poslova",
     "Deputy Minister of Foreign Affairs"),
    ("Ministrica obrane je stigla.", "Ministrica obrane", "Minister of Defence"),
    ("Sastao se s predsjednikom vlade.", "predsjednikom vlade", "Prime Minister"),
    ("Sastao se s premijerom.", "premijerom", "Prime Minister"),
    ("Predsjednik Hrvatskoga sabora je govorio.", "Predsjednik Hrvatskoga sabora", "Speaker"),
    ("Izjava glavnog tajnika.", "glavnog tajnika", "General Secretary"),
    ("Razgovarao je s veleposlanikom.", "veleposlanikom", "Ambassador"),
    ("Glasnogovornik Kremlja je govorio.", "Glasnogovornik", "Spokesperson"),
    ("Razgovarao je s kancelarom.", "kancelarom", "Chancellor"),
])
def test_a_croatian_title_names_its_canonical_title(text: str, span: str, title: str) -> None:
    found = [(text[t.start : t.end], t.title) for t in find_titles(text, "hr")]
    assert found[0] == (span, title)


def test_a_ministry_is_no_minister() -> None:
    assert find_titles("Ministarstvo vanjskih poslova Rusije osudilo je napad.", "hr") == []


def test_a_person_after_a_title_and_a_country_adjective() -> None:
    text = ("Premijer Andrej Plenković primio je u Zagrebu ukrajinskog predsjednika Volodimira Zelenskog.")
    assert mentions(text) == [
        ("Andrej Plenković", "local:andrej-plenkovic.hr", "person", "Prime Minister"),
        ("Zagrebu", "cldr:Europe/Zagreb", "location", None),
        ("ukrajinskog", "country:UA", "country", None),
        ("Volodimira Zelenskog", "local:volodymyr-zelenskyy", "person", "President"),
    ]


@pytest.mark.parametrize(("word", "code"), [
    ("Rusiji", "RU"), ("Rusije", "RU"), ("Rusijom", "RU"),
    ("Ukrajini", "UA"), ("Ukrajinu", "UA"), ("Ukrajinom", "UA"),
    ("Njemačkoj", "DE"), ("Poljske", "PL"), ("Mađarskoj", "HU"), ("Srbijom", "RS"), ("Kini", "CN"),
    ("Sjedinjenim Američkim Državama", "US"), ("Sjedinjenih Američkih Država", "US"),
])
def test_a_country_in_its_cases_gets_its_code(word: str, code: str) -> None:
    assert [(m.text, m.entity_id) for m in run(f"Govorio je o {word} dugo.", "actors").mentions] == [
        (word, f"country:{code}")]


@pytest.mark.parametrize(("text", "word", "code"), [
    ("Ruski vojnici prešli su granicu.", "Ruski", "RU"),
    ("Izaslanstvo je razgovaralo s američkom stranom.", "američkom", "US"),
    ("Amerikanci o tome nisu znali.", "Amerikanci", "US"),
    ("Hrvatski diplomati otputovali su kući.", "Hrvatski", "HR"),
    ("Slovački premijer otputovao je kući.", "Slovački", "SK"),   # Slovak, not Slovenian
    ("Slovenski premijer otputovao je kući.", "Slovenski", "SI"),
    ("Nijemci o tome nisu znali.", "Nijemci", "DE"),
])
def test_a_country_adjective_or_people_noun_names_its_country(text: str, word: str, code: str) -> None:
    assert (word, f"country:{code}") in [(m.text, m.entity_id) for m in run(text, "actors").mentions]


def test_a_country_adjective_names_a_generic_group_and_a_ministry() -> None:
    assert mentions("Izraelska vojska napala je ciljeve u Libanonu.") == [
        ("Izraelska", "country:IL", "country", None),
        ("vojska", "group:military:IL", "organization", None),
        ("Libanonu", "country:LB", "country", None),
    ]
    doc = run("Rusko Ministarstvo vanjskih poslova objavilo je priopćenje.", "actors")
    assert [(m.text, m.name, m.kind) for m in doc.mentions] == [
        ("Rusko Ministarstvo vanjskih poslova", "Ministry of Foreign Affairs of Russia", "organization")]


# --------------------------------------------------------------------------------------------- events


@pytest.mark.parametrize(("text", "expected"), [
    ("Plenković se u srijedu u Kijevu sastao s ukrajinskim predsjednikom Volodimirom Zelenskim.",
     [("CONSULT", "meet", ["local:andrej-plenkovic.hr", "local:volodymyr-zelenskyy"])]),
    ("Američki predsjednik Donald Trump telefonom je razgovarao s ruskim predsjednikom Vladimirom Putinom.",
     [("CONSULT", "phone", ["Q22686", "Q7747"])]),
    ("Francuski predsjednik Emmanuel Macron posjetio je Hrvatsku.",
     [("CONSULT", "visit", ["Q3052772", "country:HR"])]),
    ("Mađarski premijer Viktor Orban doputovao je u Moskvu.",
     [("CONSULT", "visit", ["local:viktor-orban.hu", "country:RU"])]),
])
def test_croatian_news_gives_its_event(text: str, expected: list[tuple[str, str | None, list[str]]]) -> None:
    assert events(text) == expected


def test_a_signing_gives_the_agreement() -> None:
    found = events("Hrvatska i Slovenija potpisale su sporazum o suradnji u području obrane.")
    assert ("AGREE", None, ["country:HR", "country:SI"]) in found


@pytest.mark.parametrize(("text", "expected"), [
    ("Ruski ministar vanjskih poslova Sergej Lavrov optužio je Sjedinjene Države za eskalaciju napetosti.",
     ("ACCUSE", None, ["local:sergey-lavrov", "country:US"])),
    ("Ukrajina je oštro osudila Rusiju.", ("ACCUSE", None, ["country:UA", "country:RU"])),
    ("Njemačka je pozvala Rusiju da povuče svoje snage iz Ukrajine.",
     ("REQUEST", None, ["country:DE", "country:RU"])),
    ("Vlada Srbije odbila je zahtjev Hrvatske.",
     ("REJECT", None, ["group:government:RS", "country:RS", "country:HR"])),
    ("Rusija je protjerala dvojicu njemačkih diplomata.", ("SANCTION", "expel", ["country:RU", "country:DE"])),
    ("Njemačka je uvela nove sankcije Rusiji.", ("SANCTION", None, ["country:DE", "country:RU"])),
])
def test_an_accusation_a_request_or_a_sanction_gives_its_type(text: str,
                                                              expected: tuple[str, None, list[str]]) -> None:
    assert expected in events(text)


def test_the_future_is_planned_and_a_negated_sanction_denied() -> None:
    doc = run("Plenković će se sutra sastati sa Zelenskim u Zagrebu.")
    assert [(e.type, e.status) for e in doc.events] == [("CONSULT", "planned")]
    doc = run("Srbija neće uvesti sankcije Rusiji.")
    assert ("SANCTION", "denied") in [(e.type, e.status) for e in doc.events]


# --------------------------------------------------------------------------------------------- dates


@pytest.mark.parametrize(("text", "expected"), [
    ("Ministar je o tome govorio jučer u Zagrebu.", [("jučer", "DATE", "2024-05-14")]),
    ("Ministar je o tome govorio prekjučer.", [("prekjučer", "DATE", "2024-05-13")]),
    ("Na današnjem sastanku nije ništa odlučeno.", [("današnjem", "DATE", "2024-05-15")]),
    ("Sinoć je napadnut.", [("Sinoć", "DATE", "2024-05-14TEV")]),
    ("Zakon su izglasali u siječnju.", [("siječnju", "DATE", "2024-01")]),
    ("Sastali su se prošlog tjedna.", [("prošlog tjedna", "DATE", "2024-W19")]),
    ("U ožujku prošle godine.", [("ožujku prošle godine", "DATE", "2023-03")]),
    ("Ugovor su potpisali lani.", [("lani", "DATE", "2023")]),
    ("To se dogodilo prije dva dana.", [("prije dva dana", "DATE", "2024-05-13")]),
    ("Potpisali su ga 26. studenog 2021.", [("26. studenog 2021", "DATE", "2021-11-26")]),
])
def test_croatian_date_words_resolve(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert timexes(text) == expected


@pytest.mark.parametrize(("kind", "text", "cue"), [
    ("frame", "U okviru posjeta obje su strane potpisale sporazum.", "U okviru"),
    ("speech", "Ministar je naglasio važnost sporazuma.", "naglasio"),
    ("group", "Obje strane dogovorile su nastavak dijaloga.", "Obje strane"),
])
def test_croatian_discourse_cues(kind: str, text: str, cue: str) -> None:
    assert [text[a:b] for a, b in discourse.find("hr", kind, text, 0, len(text))] == [cue]
