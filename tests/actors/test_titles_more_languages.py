"""Titles in Turkish, Arabic, Persian, Hebrew and Korean: the role a title gives the name next to it, the
holder of an office named by title and country, the side of the name and country each language puts the
title on, and no group word inside a title."""

from __future__ import annotations

import pytest

from communique.document import Mention
from conftest import person_rows, run_actors


def persons(text: str, lang: str, date: str = "2024-01-01") -> list[tuple[str, str, str | None, str | None]]:
    return person_rows(text, lang, date)


def mentions(text: str, lang: str) -> list[Mention]:
    return run_actors(text, lang, doc_date="2024-01-01").mentions


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a surname after its title is that person, not "someone else's surname" after a capitalized word
    ("tr", "Cumhurbaşkanı Erdoğan, Kanada Başbakanı Justin Trudeau ile telefonda görüştü.",
     [("Erdoğan", "local:recep-tayyip-erdogan", "President", "TR"),
      ("Justin Trudeau", "local:justin-trudeau", "Prime Minister", "CA")]),
    ("tr", "Bakan Fidan, konuşmasında tepki gösterdi.",
     [("Fidan", "local:hakan-fidan", "Minister of Foreign Affairs", "TR")]),  # the KB says which minister
    # no capitals: the word after the title is the surname of the one person that office fits at the date
    ("he", "ראש הממשלה נתניהו שוחח היום בטלפון.",
     [("נתניהו", "local:benjamin-netanyahu.il", "Prime Minister", "IL")]),
    ("ar", "من جهته قال الرئيس أردوغان إن الاتفاق صعب.",
     [("أردوغان", "local:recep-tayyip-erdogan", "President", "TR")]),
    ("he", "ראש הממשלה אמר כי ההסכם קשה.", []),  # "the prime minister said": a short word is no surname
    # the title follows the name, and its particle is no part of it
    ("ko", "문재인 대통령은 회의장을 찾았다.", [("문재인", "local:moon-jae-in", "President", "KR")]),
])
def test_a_title_gives_the_name_next_to_it_its_role(lang: str, text: str,
                                                    expected: list[tuple[str, str, str, str]]) -> None:
    assert persons(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "span", "entity"), [
    # the adjective follows the title, after the article written onto it
    ("ar", "التقى الرئيس الروسي وزير الخارجية الايراني.", "الرئيس", "Q7747"),
    ("ar", "التقى الرئيس الروسي وزير الخارجية الايراني.", "وزير الخارجية", "local:hossein-amir-abdollahian.ir"),
    ("fa", "وزیر خارجه روسیه با رئیس جمهور ایران دیدار کرد.", "وزیر خارجه روسیه", "local:sergey-lavrov"),
    ("he", "שר החוץ הרוסי נפגש עם עמיתו.", "שר החוץ", "local:sergey-lavrov"),
    # the country's name before the title; the particle after it stays out of the mention
    ("ko", "일본 외무상은 미국 대통령과 만났다.", "대통령", "Q6279"),
])
def test_an_office_named_by_title_and_country_is_its_holder(lang: str, text: str, span: str, entity: str) -> None:
    found = {(m.text, m.entity_id) for m in mentions(text, lang) if m.kind == "person"}
    assert (span, entity) in found


def test_an_adjective_before_an_arabic_title_qualifies_something_else() -> None:
    # "…the Russian, the foreign minister of Iran": the Russian adjective belongs to the president before it
    found = {m.text: m.entity_id for m in mentions("التقى الرئيس الروسي وزير الخارجية الايراني.", "ar")}
    assert found["وزير الخارجية"] != "local:sergey-lavrov"


@pytest.mark.parametrize(("lang", "text", "title_word"), [
    ("he", "ראש הממשלה נתניהו ונשיא רוסיה שוחחו היום בטלפון.", "הממשלה"),  # "head of the government"
    ("ar", "قال رئيس الحكومة إن الاتفاق صعب.", "الحكومة"),
])
def test_no_group_inside_a_title(lang: str, text: str, title_word: str) -> None:
    start = text.index(title_word)
    assert not [m for m in mentions(text, lang) if m.entity_id.startswith("group:") and m.start == start]
