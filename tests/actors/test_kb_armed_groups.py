"""Armed groups in the generated knowledge base: CAMEO/TOPS entries by rule, curated names in many scripts, and
the gazetteer matching their names only where they are written as names."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.actors.kb import ARMED_GROUP, load_kb
from communique.actors.kbbuild import parse_cameo
from communique.actors.kbgroups import (
    GENERATED_ORGS_NAME,
    Group,
    PersonNames,
    _without_shared_names,
    build_groups,
    cameo_group,
    group_name,
    read_curated,
)
from communique.document import Document
from communique.pipeline import Options, process

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "src" / "communique" / "data" / "kb" / "generated"

CAMEO_SAMPLE = """\
TALIBAN_ [AFGREB] #  kkl 21 Mar 13
+TALEBAN_

KURDISTAN_WORKERS'_PARTY [TURREB] #  kkl 21 Mar 13
+KURDISTAN_WORKERS_PARTY
+PKK
+KADEK_

ANGRY_BRIGADE_ [ITAREB] #  kkl 21 Mar 13
+TIGERS_

ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_ [YEMREB] #  kkl 21 Mar 13
+JAYSH_ADAN_
+ABU_HASSAN_TALIB

21_JUNE_ [GRCREB] #  kkl 21 Mar 13

AL-QAEDA_IN_THE_ISLAMIC_MAGHREB_ [AFRREB]
+AQIM
+LET

SHEIKH_AHMED_YASSIN
\t[PSEREBHMS 19870101-20040322]
DULMATIN__ [IMGSEAMUSJMA] #  senior leader jma
"""


@pytest.fixture
def entries(tmp_path: Path) -> list:
    path = tmp_path / "sample.actors.txt"
    path.write_text(CAMEO_SAMPLE, encoding="utf-8")
    return list(parse_cameo(path))


PERSONS = PersonNames.of(["Abu Hassan Talib", "Abu Bakr al-Baghdadi", "Abu Mazen Khalil", "Abu Ali Hassan"])
ALPHA3 = {"TUR": "TR", "AFG": "AF", "ITA": "IT", "YEM": "YE", "GRC": "GR", "PSE": "PS"}


def test_cameo_entries_become_groups_by_rule(entries: list) -> None:
    groups = [cameo_group(e, ALPHA3, PERSONS, "s") for e in entries]
    taliban, pkk, angry, aden, june, aqim, yassin, dulmatin = groups
    assert taliban is None  # one-word names are for the curated groups only (a word of some language elsewhere)
    assert pkk is not None and (pkk.name, pkk.country) == ("Kurdistan Workers' Party", "TR")
    assert pkk.names == {"en": ["Kurdistan Workers' Party", "Kurdistan Workers Party"]}
    assert pkk.acronyms == {}  # three capitals stand for too many other bodies
    assert angry is not None and angry.names == {"en": ["Angry Brigade"]}  # "TIGERS" is a dictionary word
    assert aden is not None and aden.country == "YE"
    assert aden.names == {"en": ["Aden Abyan Islamic Army", "Jaysh Adan"]}  # the person "ABU HASSAN TALIB" is not
    assert aden.acronyms == {"en": ["AAIA"]}
    assert june is None  # a date
    assert aqim is not None and aqim.country is None  # AFR is a region, no country
    assert aqim.names == {"en": ["Al-Qaeda in the Islamic Maghreb"]}
    assert aqim.acronyms == {"en": ["AQIM"]}  # "LET" is a word
    assert yassin is None  # a dated code: a person
    assert dulmatin is None  # the dictionary's comment says it is a leader


def test_group_names_are_written_as_names() -> None:
    assert group_name(["AL-QAEDA", "IN", "THE", "ISLAMIC", "MAGHREB"]) == "Al-Qaeda in the Islamic Maghreb"
    assert group_name(["KURDISTAN", "WORKERS'", "PARTY"]) == "Kurdistan Workers' Party"
    assert group_name(["NEW", "PEOPLE'S", "ARMY"]) == "New People's Army"


def test_a_name_of_two_groups_names_neither_unless_one_is_curated() -> None:
    curated = Group("Palestinian Islamic Jihad", "PS", names={"en": ["Palestinian Islamic Jihad", "Islamic Jihad"]},
                    curated=True)
    hezbollah_like = Group("Party of God", "LB", names={"en": ["Party of God", "Islamic Jihad"]})
    first = Group("Red Cells", "IT", names={"en": ["Red Cells", "Proletarian Action"]})
    second = Group("Black Cells", "GR", names={"en": ["Black Cells", "Proletarian Action"]})
    only_shared = Group("Proletarian Action", "FR", names={"en": ["Proletarian Action"]})
    kept = _without_shared_names([curated], [hezbollah_like, first, second, only_shared])
    assert [g.name for g in kept] == ["Palestinian Islamic Jihad", "Party of God", "Red Cells", "Black Cells"]
    assert curated.names["en"] == ["Palestinian Islamic Jihad", "Islamic Jihad"]
    assert hezbollah_like.names["en"] == ["Party of God"]
    assert first.names["en"] == ["Red Cells"] and second.names["en"] == ["Black Cells"]


def test_bad_curated_rows_are_named_by_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "groups.csv").write_text("# a comment\ngroup,country,cameo,source\n"
                                         "Taliban,AF,TALIBAN_,enwiki:Taliban\nHouthis,Yemen,,enwiki:Houthis\n",
                                         encoding="utf-8")
    (tmp_path / "names.csv").write_text("group,lang,names,source\nTaliban,ru,Талибан|талибы,enwiki:Taliban\n"
                                        "Taliban,ar,طالبان\nWagner Group,fr,groupe Wagner,enwiki:Wagner_Group\n"
                                        "Taliban,zh,塔利班|ISIS,enwiki:Taliban\n", encoding="utf-8")
    groups, taken, problems = read_curated(tmp_path)
    assert problems == ["groups.csv:4: bad country 'Yemen'", "names.csv:3: 3 fields, expected 4",
                        "names.csv:4: group 'Wagner Group' is not in groups.csv"]
    assert taken == {"TALIBAN_": "Taliban"}
    (taliban,) = groups
    assert taliban.names == {"en": ["Taliban"], "ru": ["Талибан", "талибы"], "zh": ["塔利班"]}
    assert taliban.acronyms == {"zh": ["ISIS"]}  # capitals as one word: matched case-sensitively


def test_the_bundled_file_is_what_the_build_writes(tmp_path: Path) -> None:
    output = tmp_path / GENERATED_ORGS_NAME
    report = build_groups(ROOT / "data-sources" / "kb", BUNDLED / "persons.json", output)
    assert report.problems == []
    assert (report.groups, report.curated, report.from_cameo) == (904, 30, 874)
    assert output.read_bytes() == (BUNDLED / GENERATED_ORGS_NAME).read_bytes()


def test_the_knowledge_base_holds_the_armed_groups() -> None:
    kb = load_kb()
    assert kb.counts()["organization/armed_group"] == 904
    taliban = kb.get("local:taliban")
    assert taliban is not None
    assert (taliban.kind, taliban.type, taliban.country, taliban.name) == ("organization", ARMED_GROUP, "AF",
                                                                            "Taliban")
    hamas = kb.get("local:hamas")  # hand-typed: the CAMEO entry of the same name is left to it
    assert hamas is not None and hamas.type == "party"
    assert not [e.id for e in kb.of_kind("organization") if e.name == "Hamas" and e.id != "local:hamas"]


def _orgs(text: str, lang: str) -> list[tuple[str, str, str]]:
    doc = process(Document(id="t", raw_text=text, lang_hint=lang, date="2024-05-01", date_source="metadata"),
                  Options(), until="actors")
    return [(m.text, m.entity_id, m.name) for m in doc.mentions if m.entity_id.startswith("local:")]


@pytest.mark.parametrize(("text", "lang", "mention"), [
    ("The Taliban attacked a police post in Kunduz.", "en", "Taliban"),
    ("Талибы атаковали полицейский пост в Кундузе.", "ru", "Талибы"),
    ("هاجمت حركة طالبان مركزا للشرطة في قندوز.", "ar", "حركة طالبان"),
    ("塔利班袭击了昆都士的一个警察哨所。", "zh", "塔利班"),
    ("Les talibans ont attaqué un poste de police.", "fr", "talibans"),
])
def test_the_taliban_in_any_script_is_one_entity(text: str, lang: str, mention: str) -> None:
    assert (mention, "local:taliban", "Taliban") in _orgs(text, lang)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Al Qaeda, al-Qaida and AL QAEDA.", "en", ["local:al-qaeda"] * 3),
    ("ISIS claimed it; the Islamic State group said so.", "en", ["local:islamic-state"] * 2),
    ("They call for an Islamic state in the region.", "en", []),  # ordinary words, not the name
    ("Боевики ИГИЛ и хуситы.", "ru", ["local:islamic-state", "local:houthis"]),
    ("The anarchist struggle goes on; the Anarchist Struggle claimed the blast.", "en",
     ["local:anarchist-struggle"]),
])
def test_group_names_match_as_names_only(text: str, lang: str, expected: list[str]) -> None:
    assert [entity_id for _, entity_id, _ in _orgs(text, lang)] == expected
