"""Cities from CLDR's exemplar cities: built in every language, merged with the hand-typed places, found in text
in any script and inflection, and a visit to a city names its country as the other side."""

from __future__ import annotations

from typing import Any

import pytest

from communique.actors.kb import load_kb
from communique.actors.placesbuild import build_places, zones
from communique.document import Document
from communique.pipeline import Options, process


@pytest.fixture(scope="module")
def built() -> dict[str, Any]:
    return {e["id"]: e for e in build_places()["entities"]}


def test_a_capital_has_its_country_and_its_names_in_many_scripts(built: dict[str, Any]) -> None:
    tashkent = built["cldr:Asia/Tashkent"]
    assert (tashkent["name"], tashkent["country"], tashkent["kind"]) == ("Tashkent", "UZ", "location")
    assert tashkent["names"]["ru"] == ["Ташкент"]
    assert tashkent["names"]["ar"] == ["طشقند"]
    assert tashkent["names"]["zh"] == ["塔什干"]
    assert len(tashkent["names"]) >= 30


def test_a_hand_typed_place_keeps_its_id_and_gains_the_cldr_names(built: dict[str, Any]) -> None:
    assert "cldr:Europe/Moscow" not in built
    assert built["Q649"]["names"]["he"] == ["מוסקבה"]
    moscow = load_kb().entities["Q649"]
    assert "Москва" in moscow.names["ru"] and "מוסקבה" in moscow.names["he"]


def test_country_names_and_state_sub_zones_are_left_out(built: dict[str, Any]) -> None:
    names = {e["name"] for e in built.values()}
    assert "Kuwait" not in names and "Singapore" not in names  # the country already says it
    assert all(zone.count("/") == 1 for zone, _ in zones())
    assert "Knox" not in names and "Center" not in names  # America/Indiana/Knox, America/North_Dakota/Center
    assert not any(e["country"] == "AQ" for e in built.values())


def _mentions(text: str, lang: str) -> list[tuple[str, str, str | None]]:
    doc = process(Document(id="t", raw_text=text, lang_hint=lang), Options(), until="actors")
    return [(m.text, m.kind, m.entity_id) for m in doc.mentions]


@pytest.mark.parametrize(("text", "lang", "surface"), [
    ("Министр прибыл в Ташкент, а затем выступил в Ташкенте.", "ru", "Ташкенте"),
    ("وصل الوزير إلى طشقند يوم الاثنين.", "ar", "طشقند"),
    ("外交部长抵达塔什干进行访问。", "zh", "塔什干"),
])
def test_a_city_is_found_in_any_script_and_case(text: str, lang: str, surface: str) -> None:
    assert (surface, "location", "cldr:Asia/Tashkent") in _mentions(text, lang)


def test_a_city_that_is_also_a_given_name_does_not_split_a_person() -> None:
    found = _mentions("Stanley Fischer met officials in Sofia on Monday.", "en")
    assert ("Stanley Fischer", "person", "local:stanley-fischer.il") in found
    assert ("Sofia", "location", "cldr:Europe/Sofia") in found


def test_a_visit_to_a_city_has_the_city_s_country_as_its_other_side() -> None:
    text = "Президент Казахстана Касым-Жомарт Токаев находится с государственным визитом в Ташкенте."
    doc = process(Document(id="v", raw_text=text, lang_hint="ru", date="2024-05-10", date_source="metadata"),
                  Options())
    visits = [e for e in doc.events if e.type == "CONSULT" and e.mode == "visit"]
    assert len(visits) == 1
    assert [a.name for a in visits[0].actors] == ["Kassym-Jomart Tokayev", "Uzbekistan"]
    assert visits[0].location is not None and visits[0].location["country"] == "UZ"


def test_a_longer_person_name_of_the_model_takes_a_city_inside_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from communique.actors import recognize as recognizer  # lazy: the model is replaced below
    from communique.actors.ner import EntitySpan, drafts

    text = "Песни Ирвинга Берлина звучали на концерте в Москве."
    person = EntitySpan(text.index("Ирвинга"), text.index(" звучали"), "person")
    monkeypatch.setattr(drafts, "entities", lambda _text, _lang: [person])
    found, _ = recognizer.recognize(text, "ru")
    kinds = {(text[d.start : d.end], d.kind) for d in found}
    assert ("Ирвинга Берлина", "person") in kinds
    assert ("Берлина", "location") not in kinds
    assert ("Москве", "location") in kinds  # a place outside any person stays


def test_capitals_cldr_names_no_zone_after_come_from_geonames(built: dict[str, Any]) -> None:
    """Rabat, Islamabad, Abuja: CLDR names Morocco's, Pakistan's, Nigeria's zone after another city."""
    rabat = built["geonames:2538475"]
    assert (rabat["name"], rabat["country"], rabat["type"]) == ("Rabat", "MA", "capital")
    assert {"Рабат", "الرباط", "ラバト"} <= set(rabat["names"]["en"])
    names = {e["name"] for e in built.values() if e["id"].startswith("geonames:")}
    assert {"Islamabad", "Abuja", "Doha", "Abu Dhabi", "Sanaa"} <= names
    # a country's own name, a short name of a small capital: left out
    assert not names & {"Singapore", "Panama", "Male"}
    # a word of a person's name (the generated persons, which the shipped build reads): left out
    assert not any(e.name == "Santiago" and e.id.startswith("geonames:") for e in load_kb().entities.values())
    # Russian keys "Кито" (Quito) like "Китая" (China's genitive): that name is left out, the others kept
    quito = built["geonames:3652462"]["names"]["en"]
    assert "Кито" not in quito and "Quito" in quito


def test_a_capital_of_geonames_is_a_place_and_a_government() -> None:
    doc = process(Document(id="t", raw_text="Islamabad rejected the claims made by New Delhi.", lang_hint="en"),
                  Options(doc_date="2024-05-01"))
    assert [(m.text, m.country) for m in doc.mentions if m.kind == "location"] == [
        ("Islamabad", "PK"), ("New Delhi", "IN")]
    assert [(e.type, sorted(a.name for a in e.actors)) for e in doc.events] == [("REJECT", ["India", "Pakistan"])]
    doc = process(Document(id="t", raw_text="Министерство обороны Китая сообщило об учениях.", lang_hint="ru"),
                  Options(), until="actors")
    assert [(m.text, m.entity_id) for m in doc.mentions] == [
        ("Министерство обороны Китая", "org:ministri-of-defence-of-china")]
