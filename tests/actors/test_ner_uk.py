"""Ukrainian persons from the shipped tagger (perceptron, data/ner/uk.npz, trained on lang-uk/ner-uk): exact
names and offsets in news sentences written for this test; a sentence-initial common noun is no person."""

from __future__ import annotations

import pytest

from communique.actors import ner
from communique.actors.ner import entities


def persons(text: str) -> list[tuple[str, int, int]]:
    return [(text[s.start : s.end], s.start, s.end) for s in entities(text, "uk") if s.kind == "person"]


def test_ukrainian_backend_is_the_trained_tagger() -> None:
    cfg = ner.config("uk")
    assert cfg is not None and cfg.backend == "perceptron" and ("model", "uk") in cfg.options


@pytest.mark.parametrize(("text", "found"), [
    ("Вчора Петро Коваленко передав листа Марії Бондар у Львові.",
     [("Петро Коваленко", 6, 21), ("Марії Бондар", 36, 48)]),
    ("Депутатка Оксана Гриценко заявила, що уряд підтримає фермерів Полтавщини.",
     [("Оксана Гриценко", 10, 25)]),
    ("Президент Франції Еммануель Макрон прибув до Варшави, де його зустрів Анджей Дуда.",
     [("Еммануель Макрон", 18, 34), ("Анджей Дуда", 70, 81)]),
])
def test_persons_with_their_offsets(text: str, found: list[tuple[str, int, int]]) -> None:
    assert persons(text) == found


def test_a_capitalised_common_noun_is_no_person() -> None:
    assert persons("Сесія міської ради розглянула бюджет на наступний рік.") == []
    kinds = {(s.start, s.kind) for s in entities("Зустріч відбулася в Одесі. Мер Геннадій Труханов подякував.", "uk")}
    assert (0, "person") not in kinds and (20, "location") in kinds
