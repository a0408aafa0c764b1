"""Named armed groups of the KB (the Taliban, the Islamic State, the Houthis) as event sides, through the whole
pipeline: a side of force and contention, one side with its own fighters, and no side of a meeting between
governments that only talks about them."""

from __future__ import annotations

from event_runs import events_of

from communique.document import Mention
from communique.events.build import political, sector_of


def events_of_ids(text: str, lang: str) -> list[tuple[str, list[str]]]:
    return events_of(text, lang, key="entity_id")


def test_an_armed_group_attacking_the_police_is_an_assault() -> None:
    assert events_of_ids("The Taliban attacked a police post in Kunduz on Monday, killing five officers.", "en") == [
        ("ASSAULT", ["group:police", "local:taliban"])]


def test_the_same_assault_in_russian() -> None:
    assert events_of_ids("Талибы атаковали полицейский пост в Кундузе в понедельник.", "ru") == [
        ("ASSAULT", ["group:police", "local:taliban"])]


def test_a_group_and_its_own_fighters_are_one_side() -> None:
    # "Taliban fighters": the fighters are the Taliban's, not a second side beside them
    assert events_of_ids("Taliban fighters attacked a police checkpoint in Kunduz province on Monday.", "en") == [
        ("ASSAULT", ["group:police", "local:taliban"])]


def test_a_claimed_attack_on_an_army() -> None:
    assert events_of_ids("ISIS claimed the attack on the Syrian army in Deir ez-Zor.", "en") == [
        ("ASSAULT", ["country:SY", "group:military:SY", "local:islamic-state"])]


def test_a_meeting_between_governments_about_an_armed_group_does_not_make_it_a_side() -> None:
    assert events_of_ids("Foreign Minister Sergei Lavrov met Turkish Foreign Minister Hakan Fidan in Moscow on "
                     "Tuesday to discuss the fight against ISIS.", "en") == [
        ("CONSULT", ["local:hakan-fidan", "local:sergey-lavrov"])]


def test_a_named_armed_group_is_political_in_contention_only() -> None:
    taliban = Mention(0, 7, "Taliban", "organization", "local:taliban", "Taliban")
    assert sector_of(taliban) == "armed_group"
    assert political(taliban, "ASSAULT") and political(taliban, "THREATEN") and political(taliban, "ACCUSE")
    assert not political(taliban, "CONSULT") and not political(taliban, "AID")
