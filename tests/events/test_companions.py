"""Names "together with" the actor stand on the actor's side when another counterpart is named (one meeting of
three, not three meetings); alone they are the counterpart (events.sides.companions, participants._with_companions)."""

from __future__ import annotations

from event_runs import events_of

from communique.events import sides


def test_a_companion_joins_the_actor_of_one_meeting() -> None:
    text = ("Russian Foreign Minister Sergei Lavrov, together with Defence Minister Sergei Shoigu, met Chinese "
            "President Xi Jinping in Beijing on Tuesday.")
    assert events_of(text, "en", date="2024-03-14") == [("CONSULT", ["Sergei Shoigu", "Sergey Lavrov", "Xi Jinping"])]
    text = ("Министр иностранных дел России Сергей Лавров вместе с министром обороны Сергеем Шойгу встретился в "
            "Пекине с председателем КНР Си Цзиньпином.")
    assert events_of(text, "ru", date="2024-03-14") == [("CONSULT", ["Sergei Shoigu", "Sergey Lavrov", "Xi Jinping"])]
    text = ("El presidente Pedro Sánchez, acompañado del ministro José Manuel Albares, se reunió con el rey Mohamed VI "
            "en Rabat.")
    assert events_of(text, "es", date="2024-03-14") == [
        ("CONSULT", ["José Manuel Albares", "Mohammed VI", "Pedro Sánchez"])]


def test_a_companion_behind_a_long_title_and_the_name_joined_to_it() -> None:
    text = ("La presidente del Consiglio Giorgia Meloni è a Tunisi dove, assieme alla presidente della Commissione Ue "
            "Ursula von der Leyen e al primo ministro olandese Mark Rutte, incontra il presidente Kais Saied.")
    assert events_of(text, "it", date="2023-07-16") == [
        ("CONSULT", ["Giorgia Meloni", "Kais Saied", "Mark Rutte", "Ursula von der Leyen"])]


def test_a_companion_alone_is_the_counterpart() -> None:
    text = ("Russian Foreign Minister Sergei Lavrov held talks together with Chinese Foreign Minister Wang Yi in "
            "Beijing.")
    assert events_of(text, "en", date="2024-03-14") == [("CONSULT", ["Sergey Lavrov", "Wang Yi"])]


def test_several_counterparts_without_a_companion_are_met_one_by_one() -> None:
    text = ("Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi and Chinese President "
            "Xi Jinping in Beijing on Tuesday.")
    assert events_of(text, "en", date="2024-03-14") == [("CONSULT", ["Sergey Lavrov", "Wang Yi"]),
                                                        ("CONSULT", ["Sergey Lavrov", "Xi Jinping"])]


def test_the_marker_is_read_before_the_plain_with() -> None:
    cues = sides.cues("de")
    assert [role for role, _ in cues.marks] == ["agent", "together", "with", "target"]
    assert cues.coordinated is not None and cues.coordinated.fullmatch(" und der ")
    assert not cues.coordinated.fullmatch(" und der neue ")
