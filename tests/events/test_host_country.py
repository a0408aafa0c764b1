"""A meeting with one side named, held in a city of another country, has the host country as its other side
(`participants._host_country`), as a visit does; a city of the named side's own country adds no side."""

from __future__ import annotations

from tests.events.event_runs import events_of


def test_a_meeting_abroad_with_one_side_named_is_with_the_host_country() -> None:
    assert events_of("Lavrov held talks in Ankara on Monday.", "en") == [("CONSULT", ["Sergey Lavrov", "Turkey"])]
    assert events_of("El presidente del Gobierno, Pedro Sánchez, ya ha llegado a Rabat.", "es") == [
        ("CONSULT", ["Morocco", "Pedro Sánchez"])]


def test_a_meeting_at_home_or_with_two_sides_takes_no_host() -> None:
    assert events_of("Lavrov held talks in Moscow on Monday.", "en") == []
    assert events_of("Putin met Xi in Moscow on Monday.", "en") == [("CONSULT", ["Vladimir Putin", "Xi Jinping"])]


def test_talks_in_a_city_that_is_no_capital_take_no_host() -> None:
    assert events_of("Lavrov held talks in Geneva on Monday.", "en") == []
