"""World cities: the country of a place a model recognised and the knowledge base does not know."""

from __future__ import annotations

from communique.actors.cities import city
from communique.document import Document
from communique.options import Options
from communique.pipeline import process


def test_a_city_in_any_script_and_case_is_one_city_with_its_country() -> None:
    tianjin = [city(s, lang) for s, lang in (("Tianjin", "en"), ("Тяньцзинь", "ru"), ("Тяньцзине", "ru"),
                                               ("天津", "zh"))]
    assert {(c.id, c.name, c.country) for c in tianjin if c} == {("geonames:1792947", "Tianjin", "CN")}
    assert all(tianjin)
    osaka = city("大阪", "ja")  # the table's 大阪市 without the word for "city"
    assert osaka is not None and (osaka.name, osaka.country) == ("Osaka", "JP")
    rabat = city("Рабате", "ru")
    assert rabat is not None and rabat.country == "MA"


def test_a_shared_name_goes_to_the_city_that_bears_it_or_to_none() -> None:
    washington = city("Washington", "en")  # not Washington, Tyne and Wear (GB), a town of its own name
    assert washington is not None and (washington.name, washington.country) == ("Washington, D. C.", "US")
    victoria = city("Victoria", "en")  # an old name of Hong Kong does not outrank a city called so
    assert victoria is not None and victoria.country == "CA"
    assert city("Georgia", "en") is None
    assert city("Sahara", "fr") is None


def test_no_cutting_of_endings_in_a_language_without_inflection() -> None:
    assert city("Berlina", "en") is None
    berlin = city("Берлина", "ru")
    assert berlin is not None and berlin.country == "DE"


def test_a_place_the_french_model_finds_gets_the_city_and_country() -> None:
    text = "Le Premier ministre a été reçu à Rabat par le roi le 29 octobre 2024."
    doc = process(Document(id="fr", raw_text=text, lang_hint="fr"), Options(), until="actors")
    places = [m for m in doc.mentions if m.kind == "location"]
    assert [(m.text, m.name, m.country, m.entity_id) for m in places] == [
        ("Rabat", "Rabat", "MA", "geonames:2538475")]


def test_a_large_city_taken_for_an_unknown_person_is_the_city() -> None:
    # three Hangul syllables have the shape of a Korean name; 하노이 is GeoNames' Korean name of Hanoi
    text = "문재인 대통령은 하노이 회담 결과를 설명했다."
    doc = process(Document(id="ko", raw_text=text, lang_hint="ko"), Options(), until="actors")
    assert [(m.text, m.kind, m.name, m.country) for m in doc.mentions] == [
        ("문재인", "person", "Moon Jae-in", "KR"), ("하노이", "location", "Ha Noi", "VN")]
