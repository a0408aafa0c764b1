"""How many sides a draft event has (events/participants.py::Draft.parties)."""

from __future__ import annotations

from communique.document import Mention, Sentence, Span
from communique.events.candidates import Candidate
from communique.events.lexicon import TriggerMatch
from communique.events.participants import Draft


def _draft(*actors: Mention) -> Draft:
    trigger = TriggerMatch(0, 6, "reject", "REJECT", None, "rejection", 0.9)
    cand = Candidate(trigger=trigger, sentence=Sentence(0, 80), window=Span(0, 80))
    return Draft(cand=cand, type="REJECT", mode=None, label="rejection", actors=list(actors))


def _m(entity_id: str, kind: str, country: str | None) -> Mention:
    return Mention(0, 1, "x", kind, entity_id, entity_id, country=country)


PESKOV = _m("Q4161383", "person", "RU")
RUSSIAN_GOVERNMENT = _m("group:government:RU", "organization", "RU")
UKRAINE = _m("country:UA", "country", "UA")


def test_an_official_and_his_own_government_named_generically_are_one_side() -> None:
    assert _draft(PESKOV, RUSSIAN_GOVERNMENT, _m("country:RU", "country", "RU")).parties() == 1


def test_another_country_s_government_is_another_side() -> None:
    assert _draft(PESKOV, _m("group:government:UA", "organization", "UA")).parties() == 2
    assert _draft(PESKOV, UKRAINE).parties() == 2


def test_a_government_alone_beside_its_country_s_army_stays_two_generic_sides() -> None:
    # only a named person or body stands for the government; two generic groups of one country stay apart
    assert _draft(RUSSIAN_GOVERNMENT, _m("group:military:RU", "organization", "RU")).parties() == 2


def test_a_body_a_person_holds_an_office_in_is_the_person_s_own_side() -> None:
    klimov = Mention(0, 1, "x", "person", "local:andrey-klimov", "Andrey Klimov", country="RU",
                     role="Deputy Secretary of the General Council of United Russia")
    council = _m("local:united-russia-general-council", "organization", "RU")
    council.name = "General Council of United Russia"
    assert _draft(klimov, council).parties() == 1
    assert _draft(klimov, _m("local:cpv", "organization", "VN")).parties() == 2
