"""Imposing tariffs is SANCTION (annotation guidelines), in every language whose lexicon has sanctions."""

from __future__ import annotations

import pytest
from tests.events.event_runs import events_of


@pytest.mark.parametrize(("text", "lang", "sides"), [
    ("Trump imposed 50% tariffs on Brazil.", "en", ["Brazil", "Donald Trump"]),
    ("Estados Unidos impuso aranceles del 25% a México.", "es", ["Mexico", "United States"]),
    ("美国对中国商品加征25%关税。", "zh", ["China", "United States"]),
    ("Trump impõe tarifa de 50% sobre o Brasil.", "pt", ["Brazil", "Donald Trump"]),
])
def test_tariffs_imposed_on_a_country_are_sanctions(text: str, lang: str, sides: list[str]) -> None:
    assert events_of(text, lang, "name", "2025-07-09") == [("SANCTION", sides)]


def test_a_tariff_mentioned_without_anyone_imposing_it_is_no_event() -> None:
    assert events_of("As tarifas sobem os preços dos produtos importados.", "pt", "name", "2025-07-09") == []


def test_the_target_of_sanctions_may_be_named_by_its_adjective_alone() -> None:
    text = "O presidente Donald Trump decidiu impor uma tarifa de 50% sobre todos os produtos brasileiros."
    assert events_of(text, "pt", "name", "2025-07-09") == [("SANCTION", ["Brazil", "Donald Trump"])]
    assert events_of("The EU imposed sanctions on Russian banks.", "en", "name", "2025-07-09") == [
        ("SANCTION", ["European Union", "Russia"])]


def test_an_adjective_of_the_sanctioning_country_is_no_target() -> None:
    assert events_of("Russia imposed sanctions on Russian banks.", "en", "name", "2025-07-09") == []
