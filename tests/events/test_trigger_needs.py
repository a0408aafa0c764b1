"""What a trigger needs named after it (events.lexicon NEEDS): English "asked" stands with any actor asked
(a country too), not with none ("was asked about")."""

from __future__ import annotations

from event_runs import events_of


def test_a_country_can_be_asked() -> None:
    text = "Chinese Foreign Minister Wang Yi asked the United States to stop arming Taiwan."
    assert events_of(text, "en", date="2024-01-10") == [("REQUEST", ["Taiwan", "United States", "Wang Yi"])]
    text = "German Chancellor Olaf Scholz asked China to use its influence on Russia to end the war in Ukraine."
    assert events_of(text, "en", date="2024-01-10") == [("REQUEST", ["China", "Olaf Scholz", "Russia", "Ukraine"])]


def test_asked_about_something_names_no_one_asked() -> None:
    text = "Japanese Prime Minister Fumio Kishida was asked about the talks with China."
    assert events_of(text, "en", date="2024-01-10") == []
