"""Generic groups as event participants, through the whole pipeline: a group of the state is political
in every event, a group of contention only in an event of contention."""

from __future__ import annotations

from communique.document import Document, Mention
from communique.events.build import idle_group, political
from communique.options import Options
from communique.pipeline import process


def events_of(text: str, lang: str) -> list[tuple[str, list[str]]]:
    doc = Document(id="t", raw_text=text, lang_hint=lang, date="2024-05-01")
    doc = process(doc, Options(doc_date="2024-05-01"))
    return [(e.type, sorted(a.entity_id for a in e.actors)) for e in doc.events]


def test_troops_shelling_the_other_sides_army_is_an_assault_between_two_militaries() -> None:
    assert events_of("Российские войска обстреляли позиции украинской армии.", "ru") == [
        ("ASSAULT", ["country:RU", "country:UA", "group:military:RU", "group:military:UA"])]


def test_police_arresting_demonstrators_is_coercion() -> None:
    assert events_of("Die Polizei nahm am Montag in Berlin 40 Demonstranten fest.", "de") == [
        ("COERCE", ["group:police", "group:protesters"])]


def test_a_protest_needs_no_counterpart() -> None:
    assert events_of("Miles de manifestantes marcharon el domingo por las calles de la capital.", "es") == [
        ("PROTEST", ["group:protesters"])]


def test_students_meeting_farmers_is_no_diplomacy() -> None:
    assert events_of("Des étudiants ont rencontré des agriculteurs à Paris.", "fr") == []


def test_which_groups_are_political_for_which_types() -> None:
    def group(sector: str) -> Mention:
        return Mention(0, 1, "x", "organization", f"group:{sector}", sector)

    assert political(group("government"), "CONSULT") and political(group("military"), "AGREE")
    assert political(group("police"), "COERCE") and political(group("protesters"), "PROTEST")
    assert not political(group("students"), "CONSULT") and not political(group("police"), "AID")
    assert not political(group("civilians"), "ASSAULT") and not political(group("protesters"), "SANCTION")


def test_a_group_of_no_named_country_is_a_side_only_in_contention() -> None:
    government = Mention(0, 1, "x", "organization", "group:government", "government")
    police = Mention(0, 1, "x", "organization", "group:police", "police")
    israeli_army = Mention(0, 1, "x", "organization", "group:military:IL", "military of Israel", country="IL")
    assert idle_group(government, "CONSULT") and idle_group(government, "ACCUSE")
    assert not idle_group(government, "ASSAULT") and not idle_group(police, "COERCE") and idle_group(police, "ACCUSE")
    assert not idle_group(israeli_army, "CONSULT")


def test_only_groups_that_do_it_alone_make_a_one_sided_protest_or_mobilization() -> None:
    from types import SimpleNamespace

    from communique.events.build import _one_sided

    def alone(event_type: str, sector: str) -> bool:
        actor = Mention(0, 1, "x", "organization", f"group:{sector}", sector)
        return _one_sided(SimpleNamespace(type=event_type, actors=[actor]))  # type: ignore[arg-type]

    assert alone("PROTEST", "protesters") and alone("PROTEST", "workers")
    assert not alone("PROTEST", "government") and not alone("PROTEST", "police")
    assert alone("MOBILIZE", "military") and not alone("MOBILIZE", "students")
    assert alone("ASSAULT", "military") and alone("ASSAULT", "armed_group")  # an attack by armed men
    assert not alone("ASSAULT", "police") and not alone("COERCE", "police")  # a local crime report is no event


def test_an_attack_by_a_named_armed_group_needs_no_named_target() -> None:
    assert events_of("Taliban fighters attacked a checkpoint in the northern province of Jawzjan, killing 12 "
                     "security force members.", "en") == [("ASSAULT", ["local:taliban"])]


def test_the_police_arresting_a_man_is_no_event() -> None:
    assert events_of("Die Polizei verhaftete am Montag einen Mann in Duisburg.", "de") == []


def test_a_countrys_forces_are_its_military() -> None:
    assert events_of("Russian forces shelled Kharkiv overnight.", "en") == [
        ("ASSAULT", ["country:RU", "group:military:RU"])]
    assert events_of("Les forces russes ont bombardé la ville de Kharkiv.", "fr") == [
        ("ASSAULT", ["country:RU", "group:military:RU"])]
