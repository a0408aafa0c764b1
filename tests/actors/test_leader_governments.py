"""A leader's government named after them ("the Biden administration", "دولت بایدن", "拜登政府") is their
country, as the annotation guidelines code a government named without an official (actors/bodies.py,
`organizations.of_leader` in each language's data)."""

from __future__ import annotations

import pytest

from conftest import run_actors

# (language, "Russia accused the Biden administration of lying", the words that name the government)
SENTENCES = [
    ("en", "Russia accused the Biden administration of lying.", "Biden administration"),
    ("fa", "روسیه دولت بایدن را به دروغگویی متهم کرد.", "دولت بایدن"),
    ("ar", "اتهمت روسيا إدارة بايدن بالكذب.", "إدارة بايدن"),
    ("zh", "俄罗斯指责拜登政府撒谎。", "拜登政府"),
    ("ja", "ロシアはバイデン政権を非難した。", "バイデン政権"),
    ("ko", "러시아는 바이든 행정부를 비난했다.", "바이든 행정부를"),
    ("hi", "रूस ने बाइडेन प्रशासन पर झूठ बोलने का आरोप लगाया।", "बाइडेन प्रशासन"),
    ("ru", "Москва обвинила администрацию Байдена во лжи.", "администрацию Байдена"),
    ("es", "Rusia acusó a la administración Biden de mentir.", "administración Biden"),
    ("tr", "Rusya, Biden yönetimini yalan söylemekle suçladı.", "Biden yönetimini"),
]


@pytest.mark.parametrize(("lang", "text", "government"), SENTENCES)
def test_a_leaders_administration_is_their_country(lang: str, text: str, government: str) -> None:
    doc = run_actors(text, lang, doc_date="2023-05-01")
    start = text.index(government)
    assert [(m.kind, m.entity_id, m.start, m.end) for m in doc.mentions if m.start == start] == [
        ("country", "country:US", start, start + len(government))]
    assert not any(m.entity_id == "Q6279" for m in doc.mentions)  # Joe Biden is not a side here


@pytest.mark.parametrize(("lang", "text", "government"), [
    ("en", "The Assad regime shelled the town.", "Assad regime"),
    ("ar", "قصف نظام الأسد البلدة.", "نظام الأسد"),
    ("zh", "阿萨德政权遭到批评。", "阿萨德政权"),
])
def test_a_leaders_regime_is_their_country(lang: str, text: str, government: str) -> None:
    doc = run_actors(text, lang, doc_date="2019-05-01")
    assert [(m.text, m.kind, m.entity_id) for m in doc.mentions if m.kind in ("country", "person")] == [
        (government, "country", "country:SY")]


def test_the_leader_alone_stays_a_person() -> None:
    doc = run_actors("Biden met Putin in Geneva.", "en", doc_date="2021-06-16")
    assert [(m.text, m.entity_id) for m in doc.mentions if m.kind == "person"] == [
        ("Biden", "Q6279"), ("Putin", "Q7747")]


def test_a_minister_gives_no_government_its_name() -> None:
    # only heads of state or government do: "the Blinken administration" is no usage, and a minister's
    # name before "government" is another construction
    doc = run_actors("Blinken government officials met in Paris.", "en", doc_date="2023-05-01")
    assert [(m.text, m.entity_id) for m in doc.mentions if m.kind == "person"] == [("Blinken", "local:antony-blinken")]
    assert not any(m.entity_id == "country:US" for m in doc.mentions)
