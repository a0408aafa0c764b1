"""The generated knowledge base: CAMEO and office-list parsing, merging, office holders by date, names in
any script."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.actors.kb import load_kb
from communique.actors.kbbuild import (
    CAMEO_AS_OF,
    Person,
    Registry,
    _office_holders_by_country,
    _spelled_apart,
    cameo_person,
    parse_cameo,
    pretty_name,
    read_offices,
)
from communique.actors.lookup import find, office_title, who
from communique.cli import app
from communique.document import Document
from communique.pipeline import Options, process

CAMEO_SAMPLE = """\
# a comment
SYRIA_ [SYR]
BASHAR_AL_ASSAD_  # CountryInfo.txt
+BASHAR_AL-ASSAD_
+PRESIDENT_BASHAR_AL-ASSAD_
+ASSAD
\t[SYRELI 650911-000616]
\t[SYRGOV >000717]
\t[SYRELI]
DMITRY_MEDVEDEV_  # CountryInfo.txt
+DMITRIY_MEDVEDEV_
\t[RUSGOV 080507-120507]
\t[RUSGOVBUS <030101]
"""


@pytest.fixture
def cameo_file(tmp_path: Path) -> Path:
    path = tmp_path / "sample.actors.txt"
    path.write_text(CAMEO_SAMPLE, encoding="utf-8")
    return path


def _alpha3() -> dict[str, str]:
    return {"SYR": "SY", "RUS": "RU"}


def test_cameo_entries_keep_variants_and_dated_roles(cameo_file: Path) -> None:
    entries = list(parse_cameo(cameo_file))
    assert [e.phrase for e in entries] == ["SYRIA_", "BASHAR_AL_ASSAD_", "DMITRY_MEDVEDEV_"]
    assad = entries[1]
    assert assad.variants == ["BASHAR_AL-ASSAD_", "PRESIDENT_BASHAR_AL-ASSAD_", "ASSAD"]
    assert assad.roles == [("SYRELI", "1965-09-11", "2000-06-16"), ("SYRGOV", "2000-07-17", None),
                           ("SYRELI", None, None)]
    assert entries[2].roles[1] == ("RUSGOVBUS", None, "2003-01-01")


def test_cameo_person_drops_title_phrases_undated_roles_and_caps_open_ends(cameo_file: Path) -> None:
    entries = list(parse_cameo(cameo_file))
    assert cameo_person(entries[0], _alpha3(), "s") is None  # a country, not a person
    assad = cameo_person(entries[1], _alpha3(), "s")
    assert assad is not None
    assert assad.name == "Bashar al-Assad"
    assert assad.country == "SY"
    assert assad.names == {"en": ["Bashar al Assad", "Bashar al-Assad"]}  # no "President ...", no "Assad"
    # ELI (elite) is no role; the government role "since 2000" ends when the dictionary was made
    assert assad.roles == [{"title": "Government official", "org": "Syria", "from": "2000-07-17", "to": CAMEO_AS_OF}]


def test_pretty_names_follow_usual_spelling() -> None:
    assert pretty_name(["BAN", "KI-MOON"], "KR") == "Ban Ki-moon"
    assert pretty_name(["URSULA", "VON", "DER", "LEYEN"], "DE") == "Ursula von der Leyen"
    assert pretty_name(["JOHN", "MCCAIN"], "US") == "John McCain"
    assert pretty_name(["HASSAN", "II"], "MA") == "Hassan II"


def test_bad_office_rows_are_named_by_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "offices.csv"
    path.write_text("country,office,title,name,start,end,qid,names,source,citizen\n"
                    "TR,foreign_minister,Minister of Foreign Affairs,Hakan Fidan,2023-06-04,,,,enwiki:X,\n"
                    "TR,foreign minister,Minister,Someone,2023-06-04,,,,enwiki:X,\n"
                    "TR,head_of_state,President,Someone Else,2023-13-01,,,,enwiki:X,\n", encoding="utf-8")
    terms, problems = read_offices(path)
    assert [t.name for t in terms] == ["Hakan Fidan"]
    assert problems == [
        "offices.csv:3: bad office 'foreign minister' (one of head_of_state, head_of_government, foreign_minister, "
        "foreign_ministry_spokesperson)",
        "offices.csv:4: bad start date '2023-13-01'"]


def test_one_person_one_entity_across_sources() -> None:
    registry = Registry()
    hand = registry.add(Person("Josep Borrell", "EU", id="local:josep-borrell", curated=True))
    national = Person("Josep Borrell", "ES", curated=True)
    national.add_name("ru", "Жозеп Боррель")
    assert registry.add(national) is hand
    cameo = Person("Josep Borell", "ES")  # another spelling of the same name joins through a shared variant
    cameo.add_name("en", "Josep Borrell")
    assert registry.add(cameo) is hand
    assert len(registry.persons) == 1
    assert hand.names["ru"] == ["Жозеп Боррель"]


# --------------------------------------------------------------------------------------------- bundled KB


def test_generated_kb_is_large_and_has_one_id_per_known_person() -> None:
    kb = load_kb()
    persons = list(kb.of_kind("person"))
    assert len(persons) > 15000
    merkel = [e for e in persons if e.name == "Angela Merkel"]
    assert [e.id for e in merkel] == ["Q567"]
    erdogan = [e for e in persons if e.name.startswith("Recep Tayyip Erdo")]
    assert [e.id for e in erdogan] == ["local:recep-tayyip-erdogan"]


@pytest.mark.parametrize(("office", "country", "date", "expected"), [
    ("foreign minister", "TR", "2021-06-01", "Mevlüt Çavuşoğlu"),
    ("foreign minister", "TR", "2023-06-04", "Hakan Fidan"),  # hand-over day: the new minister
    ("foreign minister", "TR", "2015-10-01", "Feridun Sinirlioğlu"),
    ("foreign minister", "US", "2022-03-01", "Antony Blinken"),  # the US calls it Secretary of State
    ("foreign minister", "IN", "2016-01-01", "Sushma Swaraj"),
    ("President", "US", "2021-01-20", "Joe Biden"),
    ("Chancellor", "DE", "2015-06-01", "Angela Merkel"),
    ("head_of_government", "DE", "2022-06-01", "Olaf Scholz"),
    ("head_of_state", "JP", "2018-01-01", "Akihito"),
    ("head_of_government", "IR", "2022-01-01", "Ebrahim Raisi"),
    ("Prime Minister", "GB", "2022-10-01", "Liz Truss"),
    ("министр иностранных дел", "RU", "2010-01-01", "Sergey Lavrov"),
    ("Außenminister", "DE", "2019-01-01", "Heiko Maas"),
    ("High Representative of the Union for Foreign Affairs and Security Policy", "EU", "2020-01-01",
     "Josep Borrell"),
    ("head_of_state", "AU", "2024-06-01", "Charles III"),  # a monarch of several realms is head of each
    ("head_of_state", "JM", "2024-06-01", "Charles III"),
    ("foreign minister", "KE", "2024-06-01", "Musalia Mudavadi"),  # world-a.csv
    ("foreign minister", "CH", "2024-06-01", "Ignazio Cassis"),  # world-b.csv
    # the early-*.csv lists, 2000-2013
    ("head_of_state", "FR", "2003-03-01", "Jacques Chirac"),
    ("Prime Minister", "JP", "2007-01-01", "Shinzo Abe"),  # his first term; the second is in g20.csv
    ("foreign minister", "RU", "2003-06-01", "Igor Ivanov"),
    ("head_of_state", "AZ", "2002-06-01", "Heydar Aliyev"),
    ("Prime Minister", "MA", "2010-06-01", "Abbas El Fassi"),  # Morocco's "Head of Government" is its PM
    ("head_of_state", "BR", "2001-01-01", "Fernando Henrique Cardoso"),
    ("foreign minister", "NG", "2010-06-01", "Henry Odein Ajumogobia"),
])
def test_office_holders_by_date(office: str, country: str, date: str, expected: str) -> None:
    answer = who(office, country, date)
    assert answer.problem is None
    assert [line.split("\t")[0] for line in answer.lines] == [expected]


def test_no_holder_outside_the_terms() -> None:
    # between Yoon's removal (2025-04-04) and Lee's inauguration (2025-06-04) there was no elected president
    assert who("President", "KR", "2025-05-01").problem == "no President of KR known on 2025-05-01"
    assert who("President", "TR", "June").problem == "bad date 'June' (use YYYY, YYYY-MM or YYYY-MM-DD)"
    assert who("grand vizier", "TR", None).problem is not None


def test_no_role_the_person_did_not_hold_on_that_date() -> None:
    kishida = load_kb().get("local:fumio-kishida")
    assert kishida is not None
    role = kishida.role_at("2021-06-01")
    assert role is None or role.title != "Prime Minister"
    assert kishida.role_at("2022-06-01").title == "Prime Minister"  # type: ignore[union-attr]
    obama = next(e for e in load_kb().of_kind("person") if e.name == "Barack Obama")
    assert obama.role_at("2020-01-01") is None  # CAMEO's "since 2009" does not run on for ever


def test_office_titles_in_several_languages() -> None:
    assert office_title("foreign minister") == "foreign_minister"
    assert office_title("Foreign Minister") == "foreign_minister"
    assert office_title("Prime Minister") == "Prime Minister"
    assert office_title("Head of State") == "head_of_state"
    assert office_title("ministre des Affaires étrangères") == "Minister of Foreign Affairs"


@pytest.mark.parametrize("name", [
    "Эрдоган", "Реджеп Тайип Эрдоган", "رجب طيب أردوغان", "رجب طیب اردوغان", "雷杰普·塔伊普·埃尔多安",
    "レジェップ・タイイップ・エルドアン", "레제프 타이이프 에르도안", "רג'פ טאיפ ארדואן",
    "Recep Tayyip Erdogan", "Erdoğan",
])
def test_one_person_in_any_script(name: str) -> None:
    lines = find(name)
    assert [line.split("\t")[:2] for line in lines] == [["Recep Tayyip Erdoğan", "local:recep-tayyip-erdogan"]]


def test_cldr_qualifiers_are_not_country_names() -> None:
    assert [line.split("\t")[1] for line in find("США")] == ["country:US"]
    assert [line.split("\t")[1] for line in find("Великобритания")] == ["country:GB"]


def _persons(text: str, lang: str, date: str) -> list[tuple[str, str]]:
    doc = process(Document(id="t", raw_text=text, lang_hint=lang, date=date, date_source="metadata"), Options(),
                  until="actors")
    return [(m.text, m.entity_id) for m in doc.mentions if m.kind == "person"]


@pytest.mark.parametrize(("text", "lang", "mention"), [
    ("Президент России Владимир Путин провел переговоры с Реджепом Тайипом Эрдоганом.", "ru",
     "Реджепом Тайипом Эрдоганом"),
    ("أجرى الرئيس رجب طيب أردوغان اتصالا هاتفيا مع بوتين.", "ar", "رجب طيب أردوغان"),
    ("土耳其总统雷杰普·塔伊普·埃尔多安与普京通电话。", "zh", "雷杰普·塔伊普·埃尔多安"),
    ("トルコのレジェップ・タイイップ・エルドアン大統領は電話会談を行った。", "ja",
     "レジェップ・タイイップ・エルドアン"),
    ("נשיא טורקיה רג'פ טאיפ ארדואן שוחח עם פוטין.", "he", "רג'פ טאיפ ארדואן"),
    ("Cumhurbaşkanı Recep Tayyip Erdoğan, Putin ile görüştü.", "tr", "Recep Tayyip Erdoğan"),
])
def test_the_same_person_in_six_scripts_gets_one_id(text: str, lang: str, mention: str) -> None:
    assert (mention, "local:recep-tayyip-erdogan") in _persons(text, lang, "2022-03-06")


def test_chinese_name_inside_a_run_of_characters() -> None:
    assert ("习近平", "Q15031") in _persons("习近平主席会见了越南领导人。", "zh", "2024-05-01")


def test_cli_who_and_find() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["kb", "who", "foreign minister", "--country", "TR", "--date", "2021-06-01"])
    assert result.exit_code == 0
    assert result.output.split("\t")[:2] == ["Mevlüt Çavuşoğlu", "local:mevlut-cavusoglu"]
    result = runner.invoke(app, ["kb", "find", "Лавров", "--date", "2020-01-01"])
    assert result.exit_code == 0
    assert result.output.strip().split("\t") == ["Sergey Lavrov", "local:sergey-lavrov", "person", "RU",
                                                 "Minister of Foreign Affairs"]
    result = runner.invoke(app, ["kb", "who", "President", "--country", "TR", "--date", "soon"])
    assert result.exit_code == 1
    assert "bad date 'soon'" in result.output


def test_a_cameo_spelling_of_an_office_holder_of_the_same_time_is_that_holder() -> None:
    def person(name: str, country: str, start: str, end: str | None, curated: bool) -> Person:
        return Person(name, country, roles=[{"title": "Prime Minister", "org": "x", "from": start, "to": end or ""}],
                      curated=curated)

    holders = _office_holders_by_country([person("Zurab Noghaideli", "GE", "2005-02-17", "2007-11-16", True),
                                          person("Khalid bin Ahmed Al Khalifa", "BH", "2005-09", None, True)])
    assert _spelled_apart(person("Zurab Nogaideli", "GE", "2005-02-17", "2007-11-22", False),
                          holders).name == "Zurab Noghaideli"  # type: ignore[union-attr]
    # a namesake of another time, a short given name two edits apart, another country
    assert _spelled_apart(person("Zurab Nogaideli", "GE", "1990-01-01", "1992-01-01", False), holders) is None
    assert _spelled_apart(person("Khalifa bin Ahmad al Khalifa", "BH", "2003-01-01", "2014-01-30", False),
                          holders) is None
    assert _spelled_apart(person("Zurab Nogaideli", "AM", "2005-02-17", "2007-11-22", False), holders) is None
