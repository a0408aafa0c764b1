""""The two countries", "двух государств", "die beiden Staatschefs": a dual word before any noun stands for the
actors named before it, so a signing reported that way belongs to the meeting just told."""

from __future__ import annotations

import pytest
from tests.events.event_runs import events_of


@pytest.mark.parametrize(("text", "lang"), [
    ("Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Thursday. "
     "The heads of the two countries also signed several agreements on energy.", "en"),
    ("Президент России Владимир Путин провел переговоры с председателем КНР Си Цзиньпином в Пекине. "
     "Главы двух государств подписали совместное заявление.", "ru"),
])
def test_a_signing_by_the_two_is_the_meeting_s_parties_agreement(text: str, lang: str) -> None:
    # the two countries are the meeting's sides and their countries
    assert events_of(text, lang, date="2024-05-16") == [("CONSULT", ["Vladimir Putin", "Xi Jinping"]),
                                                        ("AGREE", ["China", "Russia", "Vladimir Putin", "Xi Jinping"])]
