"""Titles in Polish, Malay and Hindi: the role a title gives the name after it (with the words that state
it), the holder of an office named by title and country, and titles that are no part of a longer word."""

from __future__ import annotations

import pytest

from communique.actors.titles import find_titles
from conftest import run_actors


def persons(text: str, lang: str, date: str = "2024-05-01") -> list[tuple[str, str, str | None, str | None]]:
    """(text, canonical name, role, the words stating the role) of the person mentions."""
    doc = run_actors(text, lang, doc_date=date)
    out = []
    for m in doc.mentions:
        assert m.text == text[m.start : m.end]
        if m.kind == "person":
            stated = text[m.role_span.start : m.role_span.end] if m.role_span else None
            out.append((m.text, m.name, m.role, stated))
    return out


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # an inflected title; the ministry between it and the name is no name
    ("pl", "Rzecznik MSZ Paweł Wroński poinformował, że do ministerstwa wezwano ambasadora Białorusi.",
     [("Paweł Wroński", "Paweł Wroński", "Spokesperson", "Rzecznik")]),
    # the head of an EU institution is its President, which the KB's title refines
    ("pl", "Marszałek Sejmu Szymon Hołownia rozmawiał z przewodniczącą Parlamentu Europejskiego Robertą Metsolą.",
     [("Szymon Hołownia", "Szymon Hołownia", "Speaker", "Marszałek Sejmu"),
      ("Robertą Metsolą", "Roberta Metsola", "President of the European Parliament",
       "przewodniczącą Parlamentu Europejskiego")]),
    # honours between the title and the name ("Datuk"), the country and the host country after the title
    ("ms", "Duta Besar Malaysia ke Amerika Syarikat Datuk Nazri Aziz menyerahkan surat tauliah kepada Presiden "
           "Joe Biden.",
     [("Nazri Aziz", "Nazri Aziz", "Ambassador", "Duta Besar"),
      ("Joe Biden", "Joe Biden", "President", "Presiden")]),
    ("ms", "Timbalan Perdana Menteri Datuk Seri Fadillah Yusof akan mengetuai delegasi Malaysia ke Tokyo.",
     [("Fadillah Yusof", "Fadillah Yusof", "Deputy Prime Minister", "Timbalan Perdana Menteri")]),
    # the ministry between the title and the name; the KB's more specific title refines the stated one
    ("ms", "Jurucakap Kementerian Luar China Wang Wenbin berkata Beijing menentang campur tangan asing.",
     [("Wang Wenbin", "Wang Wenbin", "Spokesperson of the Ministry of Foreign Affairs", "Jurucakap")]),
    # a counterpart word gives no title: the KB's role stays
    ("hi", "विदेश मंत्री एस. जयशंकर ने अपने रूसी समकक्ष सर्गेई लावरोव से फोन पर बात की।",
     [("एस. जयशंकर", "S. Jaishankar", "Minister of Foreign Affairs", "विदेश मंत्री"),
      ("सर्गेई लावरोव", "Sergey Lavrov", "Minister of Foreign Affairs", None)]),
])
def test_a_title_gives_the_name_after_it_its_role(lang: str, text: str,
                                                  expected: list[tuple[str, str, str, str | None]]) -> None:
    assert persons(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "name", "role"), [
    ("pl", "Prezydent Rosji powiedział w czwartek, że Moskwa nie zamierza atakować państw Sojuszu.",
     "Vladimir Putin", "President"),
    ("ms", "Presiden AS berkata Washington akan terus menyokong Ukraine.", "Joe Biden", "President"),
    # the adjective, or the country's name and the genitive postposition, before the title
    ("hi", "अमेरिकी विदेश मंत्री ने भारत का दौरा किया।", "Antony Blinken", "Minister of Foreign Affairs"),
    ("hi", "रूस के राष्ट्रपति ने कहा कि युद्ध जल्द खत्म होगा।", "Vladimir Putin", "President"),
])
def test_an_office_named_by_title_and_country_is_its_holder(lang: str, text: str, name: str, role: str) -> None:
    assert (name, role) in {(p[1], p[2]) for p in persons(text, lang)}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # no title inside a longer word: "नेता" ends अभिनेता ("actor"); "उप राष्ट्रपति" is one title
    ("hi", "फिल्म अभिनेता ने उप राष्ट्रपति से मुलाकात की।", [("उप राष्ट्रपति", "Vice President")]),
    ("pl", "Królestwo Niderlandów i premier Holandii", [("premier", "Prime Minister")]),
])
def test_titles_found(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(text[t.start : t.end], t.title) for t in find_titles(text, lang)] == expected
