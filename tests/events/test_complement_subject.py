"""A verb that is the complement of the verb before it ("decided to impose sanctions") has that verb's subject."""

from __future__ import annotations

import pytest
from tests.events.event_runs import events_of

from communique.events import candidates
from communique.events.candidates import _complement_gap


def test_a_decision_to_impose_sanctions_is_the_deciders_sanction_in_russian() -> None:
    text = "Европейский союз принял решение ввести санкции против России."
    assert events_of(text, "ru", "name", "2025-05-05") == [("SANCTION", ["European Union", "Russia"])]


def test_a_ukrainian_decision_to_sanction_keeps_its_sides() -> None:
    # here the deciding verb is no trigger, so the sanction's window starts at the sentence: no complement needed
    text = "Європейський союз ухвалив рішення запровадити санкції проти Росії."
    assert events_of(text, "uk", "name", "2025-05-05") == [("SANCTION", ["European Union", "Russia"])]


@pytest.mark.parametrize(("text", "sides"), [
    ("Канада приняла решение ввести санкции против Ирана.", ["Canada", "Iran"]),
    ("Правительство Японии приняло решение ввести санкции против России.", ["Japan", "Russia", "government of Japan"]),
])
def test_the_complement_takes_the_deciding_verbs_subject(text: str, sides: list[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    assert events_of(text, "ru", "name", "2025-05-05") == [("SANCTION", sides)]
    # and it is the deciding verb's subject, passed on, that the sanction takes: without it there is no source
    # (the words between the two verbs are the first one's window, so the second starts at its trigger)
    monkeypatch.setattr(candidates, "_share_coordinated_subject", lambda text, prev, cand: None)
    assert events_of(text, "ru", "name", "2025-05-05") == []


def test_only_a_short_run_of_words_joins_two_verbs() -> None:
    assert _complement_gap(" решение ")
    assert _complement_gap(" to ")
    assert _complement_gap("")
    assert not _complement_gap(" the report of the commission and ")  # too long: a clause of its own
    assert not _complement_gap(". Then ")  # a sentence break
    assert not _complement_gap(' "we will ')  # a quote begins
