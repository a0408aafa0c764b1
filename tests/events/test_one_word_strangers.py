"""A person the KB does not know, named by one word, is no event participant (events.build.one_word_stranger):
a capitalized word at the start of a sentence or of a body's name read as a name does not make a meeting."""

from __future__ import annotations

from event_runs import events_of

from communique.document import Mention
from communique.events.build import one_word_stranger


def test_only_an_unknown_one_word_person_is_a_stranger() -> None:
    stranger = Mention(0, 5, "Vansh", "person", "per:vansh", "Vansh")
    unknown_in_full = Mention(0, 11, "Antal Heizer", "person", "per:antal-heizer", "Antal Heizer")
    known = Mention(0, 6, "Lavrov", "person", "local:sergey-lavrov", "Sergey Lavrov")
    country = Mention(0, 5, "Japan", "country", "country:JP", "Japan")
    assert one_word_stranger(stranger)
    assert not one_word_stranger(unknown_in_full)
    assert not one_word_stranger(known)
    assert not one_word_stranger(country)




def test_a_meeting_keeps_its_named_sides_and_loses_a_lone_unknown_word() -> None:
    # "Hội" (of "Hội đồng", council) is read as a person after "Chủ tịch" (chairman); Tô Lâm received Patrushev
    text = ("Ngày 16/4, tại Hà Nội, Tổng Bí thư Tô Lâm đã tiếp ông Nikolai Patrushev, Trợ lý Tổng thống, "
            "Chủ tịch Hội đồng Biển Liên bang Nga.")
    events = events_of(text, "vi")
    assert events and all("Hội" not in names for _, names in events)
    assert ("CONSULT", ["Nikolai Patrushev", "Tô Lâm"]) in events
