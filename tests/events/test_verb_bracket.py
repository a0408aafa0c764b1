"""German and Dutch put the participle last ("hat … gedroht"): the auxiliary after the subject is where the
predicate stands (`participants.auxiliaries`); where something else opens the clause the trigger stays the anchor."""

from __future__ import annotations

from tests.events.event_runs import events_of

from communique.document import Span
from communique.events import sides


def test_a_threat_in_the_perfect_has_its_target_between_auxiliary_and_participle() -> None:
    text = ("Der russische Außenminister Sergej Lawrow hat der Ukraine am Samstag mit einer entschiedenen Antwort"
            " gedroht.")
    assert events_of(text, "de", "name", "2024-05-01") == [("THREATEN", ["Sergey Lavrov", "Ukraine"])]


def test_a_rejection_in_the_perfect() -> None:
    assert events_of("China hat den Vorschlag der USA abgelehnt.", "de", "name", "2024-05-01") == [
        ("REJECT", ["China", "United States"])]


def test_a_fronted_adverbial_leaves_the_subject_after_the_auxiliary() -> None:
    text = ("Zum Auftakt des Deutschlandbesuchs der chinesischen Regierung hat Bundespräsident Frank-Walter Steinmeier"
            " den chinesischen Ministerpräsidenten Li Qiang in Berlin empfangen.")
    [(event_type, actors)] = events_of(text, "de", "name", "2023-06-19")
    assert event_type == "CONSULT" and {"Frank-Walter Steinmeier", "Li Qiang"} <= set(actors)


def test_the_auxiliary_is_the_anchor_only_after_a_subject() -> None:
    text = "China heeft gisteren het voorstel afgewezen."
    trigger = Span(text.index("afgewezen"), text.index("afgewezen") + len("afgewezen"))
    assert sides.finite_verb(text, "nl", 0, trigger, []) is None  # no name before "heeft"
    assert sides.finite_verb(text, "en", 0, trigger, []) is None  # English lists no auxiliaries
