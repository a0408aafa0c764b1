"""'Agreed to' is an agreement (the annotation guidelines), in any language; a vow or promise that another event
type describes better ('vowed to respond', 'promised to support') is that event only."""

from __future__ import annotations

import pytest
from tests.events.event_runs import events_of

from communique.events import build

RESTORE_RELATIONS = [
    ("Iran and Saudi Arabia agreed to restore diplomatic relations, their foreign ministers said on Saturday.", "en",
     ["Iran", "Saudi Arabia"]),
    ("L'Iran et l'Arabie saoudite ont convenu de rétablir leurs relations diplomatiques.", "fr",
     ["Iran", "Saudi Arabia"]),
    ("Иран и Саудовская Аравия договорились восстановить дипломатические отношения.", "ru", ["Iran", "Saudi Arabia"]),
    ("Irán y Arabia Saudí acordaron restablecer sus relaciones diplomáticas.", "es", ["Iran", "Saudi Arabia"]),
    ("Indonesia dan Vietnam sepakat untuk memperkuat kerja sama maritim.", "id", ["Indonesia", "Vietnam"]),
    ("Việt Nam và Nga nhất trí tăng cường hợp tác quốc phòng.", "vi", ["Russia", "Vietnam"]),
]


@pytest.mark.parametrize(("text", "lang", "sides"), RESTORE_RELATIONS)
def test_agreed_to_is_an_agreement(text: str, lang: str, sides: list[str]) -> None:
    assert events_of(text, lang) == [("AGREE", sides)]


def test_the_old_bar_lost_them(monkeypatch: pytest.MonkeyPatch) -> None:
    # at the former bar (0.75) the model's readings of these sentences made no event in five of the six languages
    monkeypatch.setattr(build, "VERBAL_AGREEMENT_WEIGHT", 0.75)
    assert sum(events_of(text, lang) == [] for text, lang, _ in RESTORE_RELATIONS) >= 5


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia vowed to respond to any provocation by NATO.", [("THREATEN", ["NATO", "Russia"])]),
    ("China promised to support Pakistan in its fight against terrorism.", [("SUPPORT", ["China", "Pakistan"])]),
])
def test_a_vow_is_the_event_it_announces(text: str, expected: list[tuple[str, list[str]]]) -> None:
    assert events_of(text, "en") == expected
