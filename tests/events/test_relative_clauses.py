"""A complementizer that also opens a relative clause ("que" in Spanish and Portuguese) right after "<name>,"
opens one about that name: the name is the subject of the clause's verb (`candidates._relative_after_name`,
`discourse.relative`), not someone outside a statement."""

from __future__ import annotations

from tests.events.event_runs import events_of


def test_the_name_before_a_relative_que_is_the_subject_of_its_verb() -> None:
    text = "El ministro José Manuel Albares, que se reunió con su homólogo marroquí, Naser Burita, visitó el mausoleo."
    assert events_of(text, "es") == [("CONSULT", ["José Manuel Albares", "Nasser Bourita"])]
    text = "O ministro Paulo Rangel, que se reuniu com o homólogo marroquino Nasser Bourita, visitou o mausoléu."
    assert events_of(text, "pt") == [("CONSULT", ["Nasser Bourita", "Paulo Rangel"])]


def test_a_que_after_a_verb_still_opens_what_was_said() -> None:
    # the speakers are outside the content clause: the agreement is the two countries'
    text = "Albares y Burita dijeron que España y Marruecos firmaron un acuerdo sobre migración."
    assert events_of(text, "es") == [("AGREE", ["Morocco", "Spain"])]
