"""What is said at a meeting (events.build.fold_statements): praise, backing and cooperation pledges are the
talks' content and fold into the meeting; a demand, a protest, a refusal or a threat made there is an event
of its own, as the annotation guidelines code it."""

from __future__ import annotations

from event_runs import events_of


def test_a_demand_made_at_a_meeting_is_its_own_event_and_praise_is_not() -> None:
    text = ("Foreign Minister Sergei Lavrov met Turkish Foreign Minister Hakan Fidan in Moscow on Tuesday. "
            "Lavrov demanded that Turkey stop arms deliveries to Ukraine. "
            "Fidan stressed the importance of bilateral cooperation with Russia.")
    assert events_of(text, "en") == [("CONSULT", ["Hakan Fidan", "Sergey Lavrov"]),
                                     ("REQUEST", ["Sergey Lavrov", "Turkey"])]
