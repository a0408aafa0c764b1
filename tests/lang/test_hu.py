"""Hungarian (lang/hu/): the folder loads like any other; names, titles and country names take their case
endings (Putyinnal, külügyminiszterrel, Ukrajnát, Oroszországgal), titles follow the name ("Szijjártó Péter
külügyminiszter") or the country ("Oroszország elnöke"), and the triggers give the events of Hungarian news.

The sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from tests.lang import lang_runs

from communique import lang as languages
from communique.actors.gazetteer import token_key
from communique.actors.titles import find_titles
from communique.document import Document
from communique.events import discourse
from communique.events.lexicon import lexicon as events_lexicon

DATE = "2025-03-04"  # a Tuesday


def run(text: str, until: str = "events") -> Document:
    return lang_runs.run(text, "hu", DATE, until)


def mentions(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.entity_id) for m in run(text, "actors").mentions]


def events(text: str) -> list[tuple[str, str | None, list[str | None]]]:
    return lang_runs.events(text, "hu", DATE)


def timexes(text: str) -> list[tuple[str, str, str | None]]:
    return lang_runs.timexes(text, "hu", DATE)


# --------------------------------------------------------------------------------------------- the folder


def test_the_hungarian_folder_loads_like_any_other() -> None:
    assert "hu" in languages.codes()
    hungarian = languages.get("hu")
    assert hungarian.folder.name == "hu"
    assert hungarian.about["name"] == "Hungarian"
    for name in ("titles", "demonyms", "participants", "organizations", "groups", "discourse", "triggers",
                 "countries", "names", "grammar", "dates"):
        assert languages.section("hu", name), name
    assert languages.section("hu", "demonyms")["RU"] == ["orosz"]
    text = "Magyarország és Szerbia megállapodást írt alá. Orbán Viktor telefonon beszélt Putyinnal."
    found = [(text[t.start : t.end], t.type, t.mode) for t in events_lexicon("hu").find_triggers(text)]
    assert found == [("megállapodást írt alá", "AGREE", None), ("telefonon beszélt", "CONSULT", "phone")]


# --------------------------------------------------------------------------------------------- names


@pytest.mark.parametrize(("inflected", "name"), [
    ("Putyinnal", "Putyin"),            # -val assimilated to the final consonant
    ("Lavrovval", "Lavrov"),
    ("Trumppal", "Trump"),
    ("Orbánt", "Orbán"),                # the accusative
    ("Macronnak", "Macron"),            # the dative
    ("Ukrajnát", "Ukrajna"),            # a final a lengthens before the ending
    ("Kínával", "Kína"),
    ("Oroszországgal", "Oroszország"),
    ("Izraellel", "Izrael"),
])
def test_a_case_ending_leaves_the_name_key(inflected: str, name: str) -> None:
    assert token_key(inflected, "hu") == token_key(name, "hu")


def test_hungarian_transcriptions_key_as_the_english_names() -> None:
    # gy, ty are d, t; sz is s; s is sh (Sojgu); zs is zh
    assert token_key("Putyin", "hu") == token_key("Putin", "en") == "putin"
    assert token_key("Vlagyimir", "hu") == token_key("Vladimir", "en")
    assert token_key("Zelenszkij", "hu") == token_key("Zelensky", "en")
    assert token_key("Sojgu", "hu") == token_key("Shoigu", "en")
    assert token_key("Medvegyev", "hu") == token_key("Medvedev", "en")


@pytest.mark.parametrize(("text", "country"), [
    ("Ukrajnát", "country:UA"), ("Ukrajnával", "country:UA"), ("Oroszországgal", "country:RU"),
    ("Németországban", "country:DE"), ("Magyarországon", "country:HU"), ("Törökországba", "country:TR"),
    ("Kínával", "country:CN"), ("Egyesült Államokat", "country:US"),
])
def test_a_country_in_its_inflected_forms_is_its_iso_code(text: str, country: str) -> None:
    assert mentions(f"A miniszter szerint {text} is érinti a döntés.") == [(text, country)]


@pytest.mark.parametrize(("adjective", "country"), [
    ("orosz", "country:RU"), ("amerikai", "country:US"), ("kínai", "country:CN"), ("ukrán", "country:UA"),
    ("német", "country:DE"), ("francia", "country:FR"), ("török", "country:TR"), ("izraeli", "country:IL"),
])
def test_a_country_adjective_names_its_country_and_group(adjective: str, country: str) -> None:
    code = country.split(":")[1]
    article = "Az" if adjective[0] in "aáeéiíoóöőuúüű" else "A"
    found = mentions(f"{article} {adjective} hadsereg közölte.")
    assert found == [(adjective, country), ("hadsereg", f"group:military:{code}")]


# --------------------------------------------------------------------------------------------- actors


@pytest.mark.parametrize(("text", "span", "title"), [
    ("Szijjártó Péter külügyminiszterrel tárgyalt.", "külügyminiszterrel", "Minister of Foreign Affairs"),
    ("A miniszterelnök-helyettes beszélt.", "miniszterelnök-helyettes", "Deputy Prime Minister"),
    ("Bekérették a német nagykövetet.", "német nagykövetet", "Ambassador"),  # the adjective is in the phrase
    ("A honvédelmi miniszter közölte.", "honvédelmi miniszter", "Minister of Defence"),
    ("A kormányszóvivő közölte.", "kormányszóvivő", "Spokesperson"),
    ("Az ENSZ főtitkára szerint.", "főtitkára", "Secretary General"),
    ("A német kancellár szerint.", "német kancellár", "Chancellor"),
    ("Sulyok Tamás államfővel találkozott.", "államfővel", "President"),
    ("A kormányfő bejelentette.", "kormányfő", "Prime Minister"),
])
def test_a_hungarian_title_names_its_canonical_title(text: str, span: str, title: str) -> None:
    found = [(text[t.start : t.end], t.title) for t in find_titles(text, "hu")]
    assert found[0] == (span, title)


def test_a_title_after_the_name_and_after_the_country() -> None:
    doc = run("Oroszország elnöke telefonon beszélt Orbán Viktor miniszterelnökkel.", "actors")
    found = {(m.text, m.entity_id, m.role) for m in doc.mentions}
    assert ("elnöke", "Q7747", "President") in found
    assert ("Orbán Viktor", "local:viktor-orban.hu", "Prime Minister") in found


def test_the_foreign_ministry_of_a_country_adjective() -> None:
    doc = run("A kínai külügyminisztérium szóvivője bírálta az Egyesült Államokat.", "actors")
    assert [(m.text, m.entity_id) for m in doc.mentions] == [("kínai külügyminisztérium", "local:mofa-cn"),
                                                            ("Egyesült Államokat", "country:US")]


# --------------------------------------------------------------------------------------------- events


@pytest.mark.parametrize(("text", "expected"), [
    ("Szijjártó Péter külügyminiszter Moszkvában találkozott Szergej Lavrov orosz külügyminiszterrel.",
     ("CONSULT", "meet", ["local:peter-szijjarto.hu", "local:sergey-lavrov"])),
    ("Orbán Viktor miniszterelnök telefonon beszélt Vlagyimir Putyin orosz elnökkel.",
     ("CONSULT", "phone", ["local:viktor-orban.hu", "Q7747"])),
    ("Ukrajna azzal vádolta Magyarországot, hogy kémeket küldött Kárpátaljára.",
     ("ACCUSE", None, ["country:UA", "country:HU"])),
    ("Orbán Viktor arra kérte Vlagyimir Putyint, hogy engedje szabadon a foglyokat.",
     ("REQUEST", None, ["local:viktor-orban.hu", "Q7747"])),
    ("Magyarország és Szerbia stratégiai partnerségi megállapodást írt alá Belgrádban.",
     ("AGREE", None, ["country:HU", "country:RS"])),
    ("A kínai külügyminisztérium szóvivője bírálta az Egyesült Államokat.",
     ("ACCUSE", None, ["local:mofa-cn", "country:US"])),
    ("Az orosz elnök fogadta a kínai külügyminisztert.",
     ("CONSULT", "host", ["Q7747", "local:wang-yi"])),
])
def test_hungarian_news_gives_its_event(text: str, expected: tuple[str, str | None, list[str]]) -> None:
    assert expected in events(text)


def test_a_meeting_of_two_named_sides_is_one_consult() -> None:
    found = events("Szijjártó Péter külügyminiszter Moszkvában találkozott Szergej Lavrov orosz külügyminiszterrel.")
    assert found == [("CONSULT", "meet", ["local:peter-szijjarto.hu", "local:sergey-lavrov"])]


# --------------------------------------------------------------------------------------------- dates


@pytest.mark.parametrize(("text", "expected"), [
    ("A miniszter tegnap tárgyalt.", [("tegnap", "DATE", "2025-03-03")]),
    ("Holnap délután érkezik.", [("Holnap délután", "DATE", "2025-03-05TAF")]),
    ("A múlt héten tárgyaltak.", [("A múlt héten", "DATE", "2025-W09")]),
    ("Tavaly és idén is.", [("Tavaly", "DATE", "2024"), ("idén", "DATE", "2025")]),
    ("Két nappal ezelőtt érkezett.", [("Két nappal ezelőtt", "DATE", "2025-03-02")]),
    ("Márciusban ülésezik.", [("Márciusban", "DATE", "2025-03")]),
])
def test_hungarian_dates(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert timexes(text) == expected


@pytest.mark.parametrize(("kind", "text", "cue"), [
    ("speech", "A miniszter hangsúlyozta a megállapodás jelentőségét.", "hangsúlyozta"),
    ("complementizer", "A miniszter közölte, hogy a tárgyalás folytatódik.", "hogy"),
    ("group", "A két fél megállapodott.", "A két fél"),
    ("anniversary", "A kapcsolatok 50. évfordulóján.", "évfordulóján"),
])
def test_hungarian_discourse_cues(kind: str, text: str, cue: str) -> None:
    assert [text[a:b] for a, b in discourse.find("hu", kind, text, 0, len(text))] == [cue]
