"""One event per real-world event (events.coalesce.same_participants): a draft of countries and bodies of
countries only ("the foreign ministries of Estonia and Finland") joins the draft of those countries' people;
drafts of different people never join."""

from __future__ import annotations

from typing import Any, cast

from communique.document import Mention
from communique.events.coalesce import same_participants
from communique.events.participants import Draft


def _m(name: str, kind: str, country: str | None) -> Mention:
    return Mention(0, len(name), name, kind, f"id:{name}", name, country=country)


def _draft(*actors: Mention) -> Draft:
    return Draft(cand=cast(Any, None), type="CONSULT", mode="phone", label="phone call", actors=list(actors),
                 weight=1.0)


def test_bodies_of_countries_stand_for_their_people() -> None:
    people = _draft(_m("Andrii Sybiha", "person", "UA"), _m("Margus Tsahkna", "person", "EE"),
                    _m("Elina Valtonen", "person", "FI"))
    headline = _draft(_m("Ministry of Foreign Affairs of Estonia", "organization", "EE"),
                      _m("Finland", "country", "FI"))
    assert same_participants(headline, people) and same_participants(people, headline)
    # a body of no country (ASEAN) stands for no one in particular
    assert not same_participants(_draft(_m("ASEAN", "organization", None), _m("Finland", "country", "FI")), people)
    # a body of a country not among the people's
    assert not same_participants(_draft(_m("Ministry of Foreign Affairs of Latvia", "organization", "LV"),
                                        _m("Finland", "country", "FI")), people)


def test_people_of_the_same_countries_are_other_meetings() -> None:
    leaders = _draft(_m("Vladimir Putin", "person", "RU"), _m("Narendra Modi", "person", "IN"))
    ministers = _draft(_m("Sergey Lavrov", "person", "RU"), _m("Subrahmanyam Jaishankar", "person", "IN"))
    assert not same_participants(leaders, ministers)
